import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.calls.models import SCORE_MAX, SCORE_MIN, Application, English, organisation_key
from ovoz.programmes.models import COUNTRIES

# The public form is small: a request body larger than this is refused before it is read.
MAX_APPLICATION_BYTES = 64 * 1024
EXPERIENCE_MAX = 5000


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationForm(forms.Form):
    organisation_name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=[("", _("Choose…")), *COUNTRIES])
    women_led = forms.BooleanField(label=_("The organisation is led by women"), required=False)
    migrant_led = forms.BooleanField(label=_("The organisation is led by migrants"), required=False)
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas in which the organisation has experience"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    experience = forms.CharField(
        label=_("The organisation's experience in these focus areas"),
        max_length=EXPERIENCE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you have done, with whom and since when. At most 5000 characters."),
    )
    contact_email = forms.EmailField(label=_("Contact e-mail of the organisation"), max_length=254)
    researcher_name = forms.CharField(label=_("Full name of the young woman researcher"), max_length=200)
    researcher_email = forms.EmailField(label=_("Her e-mail"), max_length=254)
    researcher_birth_date = forms.DateField(
        label=_("Her date of birth"), widget=DateInput(), help_text=_("She must be under 35 when the programme starts.")
    )
    researcher_from_community = forms.BooleanField(
        label=_("She comes from the community the research is about"), required=False
    )
    researcher_english = forms.ChoiceField(label=_("Her English"), choices=[("", _("Choose…")), *English.choices])
    mentor_name = forms.CharField(label=_("Full name of the mentor"), max_length=200)
    mentor_email = forms.EmailField(label=_("The mentor's e-mail"), max_length=254)
    mentor_from_community = forms.BooleanField(
        label=_("The mentor comes from the community the research is about"), required=False
    )
    mentor_english = forms.ChoiceField(label=_("The mentor's English"), choices=[("", _("Choose…")), *English.choices])
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers store and process the information in this form to select the partners "
            "of this programme, and to create accounts for the researcher and mentor if we are selected."
        ),
        error_messages={"required": _("Without this consent the application cannot be received.")},
    )
    # A field people never see: automated senders fill it in, and their applications are dropped.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["focus_areas"].queryset = call.focus_areas.all()
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def clean_organisation_name(self):
        name = " ".join(self.cleaned_data["organisation_name"].split())
        if Application.objects.filter(call=self.call, organisation_key=organisation_key(name)).exists():
            raise forms.ValidationError(_("This call has already received an application from this organisation."))
        return name

    def clean_researcher_birth_date(self):
        born = self.cleaned_data["researcher_birth_date"]
        if born > timezone.localdate():
            raise forms.ValidationError(_("A date of birth cannot be in the future."))
        if born < datetime.date(1920, 1, 1):
            raise forms.ValidationError(_("Check the year of this date of birth."))
        return born


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("About the call"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown on the public page: the programme, what partners receive, what they commit to."),
    )
    eligibility = forms.CharField(
        label=_("Who may apply"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In your words; Ovoz also checks the eligibility rules of every application."),
    )
    focus_areas = forms.CharField(
        label=_("Focus areas"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line. They cannot change once an application has been received."),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput())
    places_min = forms.IntegerField(label=_("Fewest places"), min_value=1, max_value=100, initial=6)
    places_max = forms.IntegerField(label=_("Most places"), min_value=1, max_value=100, initial=8)

    def __init__(self, *args, focus_areas_locked: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if focus_areas_locked:
            self.fields["focus_areas"].disabled = True
            self.fields["focus_areas"].required = False

    def clean(self):
        data = super().clean()
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("A call cannot close before it opens."))
        if data.get("places_min") and data.get("places_max") and data["places_max"] < data["places_min"]:
            self.add_error("places_max", _("The most places cannot be fewer than the fewest places."))
        return data

    def focus_area_names(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("focus_areas", "").splitlines() if line.strip()]


class CriterionForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(label=_("Criterion"), max_length=200)
    description = forms.CharField(
        label=_("What reviewers look for"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)


CriterionFormSet = forms.formset_factory(CriterionForm, extra=1, can_delete=True, max_num=30, absolute_max=30)


class ReviewerAddForm(forms.Form):
    coordinator = forms.ChoiceField(label=_("A coordinator of the programme"), required=False)
    username = forms.CharField(label=_("Or anyone else, by username"), required=False, max_length=150)

    def __init__(self, *args, coordinators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].choices = [("", "—")] + [(u.username, u.display_name) for u in coordinators]

    def clean(self):
        data = super().clean()
        if not (data.get("coordinator") or data.get("username", "").strip()):
            raise forms.ValidationError(_("Choose a coordinator or give a username."))
        return data


SCORE_CHOICES = [(str(n), str(n)) for n in range(SCORE_MIN, SCORE_MAX + 1)]


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Overall comment"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, criteria, review=None, **kwargs):
        initial = {}
        if review is not None:
            initial["comment"] = review.comment
            for s in review.scores.all():
                initial[f"score_{s.criterion_id}"] = str(s.value)
                initial[f"comment_{s.criterion_id}"] = s.comment
        super().__init__(*args, initial=initial, **kwargs)
        self.criteria = list(criteria)
        for c in self.criteria:
            self.fields[f"score_{c.pk}"] = forms.TypedChoiceField(
                label=c.name, choices=SCORE_CHOICES, coerce=int, required=False, empty_value=None,
                widget=forms.RadioSelect,
            )
            self.fields[f"comment_{c.pk}"] = forms.CharField(
                label=_("Comment on %(criterion)s") % {"criterion": c.name}, required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict:
        return {
            c.pk: (self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"comment_{c.pk}", ""))
            for c in self.criteria
        }


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("New password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}), strip=False,
        help_text=_("At least 10 characters; a sentence you remember is best."),
    )
    password2 = forms.CharField(
        label=_("The same password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords differ."))
        return data
