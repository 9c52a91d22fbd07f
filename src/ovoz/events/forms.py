"""Forms parse what people type; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.events.files import allowed_extensions, max_bytes
from ovoz.events.models import Event, ExpectedOutput, Invitation
from ovoz.programmes.models import COUNTRIES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    starts_on = forms.DateField(label=_("First day"), widget=DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE)
    format = forms.ChoiceField(label=_("Format"), choices=Event.Format.choices)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=[("", "—"), *COUNTRIES], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Event.Status.choices)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5}))

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("An event cannot end before it starts."))
        return data


class SessionForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    day = forms.DateField(label=_("Day"), widget=DATE)
    starts_at = forms.TimeField(label=_("From"), required=False, widget=TIME)
    ends_at = forms.TimeField(label=_("Until"), required=False, widget=TIME)
    title = forms.CharField(label=_("Session"), max_length=300)
    facilitator = forms.CharField(label=_("Facilitator"), max_length=200, required=False)


class OutputForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Expected output"), widget=forms.Textarea(attrs={"rows": 2}))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ExpectedOutput.Outcome.choices, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_outcome(self):
        return self.cleaned_data.get("outcome") or ExpectedOutput.Outcome.NOT_ASSESSED


class TopicForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Topic"), max_length=200)


SessionFormSet = forms.formset_factory(SessionForm, extra=2, can_delete=True, max_num=80)
OutputFormSet = forms.formset_factory(OutputForm, extra=2, can_delete=True, max_num=30)
TopicFormSet = forms.formset_factory(TopicForm, extra=2, can_delete=True, max_num=20)


def formset_items(formset) -> list[dict]:
    """The rows she kept, in order: filled rows not marked for removal, without the deletion flag."""
    items = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE") or not form.has_changed() and not data.get("id"):
            continue
        items.append({k: v for k, v in data.items() if k != "DELETE"})
    return items


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), required=False)
    url = forms.CharField(label=_("or a link"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Up to %(mb)d MB: %(types)s.") % {
            "mb": max_bytes() // (1024 * 1024),
            "types": allowed_extensions(),
        }

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool((data.get("url") or "").strip()):
            raise forms.ValidationError(_("Add either a file or a link."))
        return data


class InviteForm(forms.Form):
    users = forms.MultipleChoiceField(label=_("People"), widget=forms.CheckboxSelectMultiple, required=True)

    def __init__(self, *args, memberships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(m.user_id): m.user for m in memberships}
        self.fields["users"].choices = [
            (str(m.user_id), f"{m.user.display_name} · {m.get_role_display()} · {m.partnership.organisation.name}")
            for m in memberships
        ]

    def chosen(self):
        return [self.people[pk] for pk in self.cleaned_data["users"]]


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Invitation.Status.choices)


RATINGS = [(str(i), str(i)) for i in range(1, 6)]


class EvaluationForm(forms.Form):
    """Two ratings per topic (before and after the event) and a comment."""

    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown in the report without your name."),
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(topics)
        fields = {}
        for topic in self.topics:
            for when, label in (("before", _("Before the event")), ("after", _("After the event"))):
                fields[f"{when}_{topic.pk}"] = forms.TypedChoiceField(
                    label=label, choices=RATINGS, coerce=int, widget=forms.RadioSelect
                )
        self.fields = {**fields, "comment": self.fields["comment"]}

    def rows(self):
        return [(t, self[f"before_{t.pk}"], self[f"after_{t.pk}"]) for t in self.topics]

    def answers(self) -> dict[int, tuple[int, int]]:
        return {t.pk: (self.cleaned_data[f"before_{t.pk}"], self.cleaned_data[f"after_{t.pk}"]) for t in self.topics}
