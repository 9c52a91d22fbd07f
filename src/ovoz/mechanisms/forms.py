from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ovoz.mechanisms.models import COUNTRIES, Article, Mechanism, Ratification, Recommendation, Review, Status

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RatificationForm(forms.ModelForm):
    class Meta:
        model = Ratification
        fields = ["status", "year", "date", "verified", "reference", "note", "source", "as_of"]
        widgets = {"date": DATE, "as_of": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].required = True
        self.fields["as_of"].required = True


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["mechanism", "country", "session", "review_on", "when_text", "submission_deadline", "status",
                  "source", "as_of", "notes"]
        widgets = {"review_on": DATE, "submission_deadline": DATE, "as_of": DATE, "notes": forms.Textarea(
            attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].required = True
        self.fields["mechanism"].queryset = Mechanism.objects.exclude(kind=Mechanism.Kind.SPECIAL_PROCEDURE)


class MappingForm(forms.Form):
    article = forms.ModelChoiceField(queryset=Article.objects.select_related("instrument"), label=_("Article"))
    term = forms.ModelChoiceField(queryset=None, required=False, label=_("Type of violation"))
    code = forms.ModelChoiceField(queryset=None, required=False, label=_("Code"))

    def __init__(self, *args, terms, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = terms
        self.fields["code"].queryset = codes
        self.fields["code"].label_from_instance = lambda c: c.name_en

    def clean(self):
        data = super().clean()
        if bool(data.get("term")) == bool(data.get("code")):
            raise forms.ValidationError(_("Choose either a type of violation or a code."))
        return data


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["partnership", "origin", "source_title", "reference", "mechanism", "country", "issued_on", "text",
                  "addressee", "addressee_kind", "theme", "sdg_targets", "upr_response", "recommending_state",
                  "articles", "findings", "activities"]
        widgets = {"issued_on": DATE, "text": forms.Textarea(attrs={"rows": 4}),
                   "articles": forms.CheckboxSelectMultiple}

    def __init__(self, *args, partnerships, findings, activities, allow_programme: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["partnership"].required = not allow_programme
        self.fields["partnership"].empty_label = _("The programme") if allow_programme else None
        self.fields["findings"].queryset = findings
        self.fields["activities"].queryset = activities
        self.fields["articles"].queryset = Article.objects.select_related("instrument")
        self.fields["country"].choices = [("", "—"), *COUNTRIES]


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices, label=_("New status"))
    observed_on = forms.DateField(widget=DATE, label=_("Observed on"))
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Evidence of the change"))
    evidence_url = forms.URLField(required=False, assume_scheme="https", label=_("Link to the evidence"))


class PackForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"))
    mechanism = forms.ModelChoiceField(queryset=Mechanism.objects.all(), label=_("Mechanism"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="en")

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = countries
