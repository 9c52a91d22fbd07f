"""Forms parse what people type; the services decide and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.accounts.models import User
from ovoz.programmes.models import Membership
from ovoz.safety.models import Risk, SafetyIncident, SupportContact

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 4})


class RiskForm(forms.ModelForm):
    class Meta:
        model = Risk
        fields = ["title", "category", "affects", "description", "likelihood", "impact", "mitigation", "owner",
                  "status", "review_on"]
        widgets = {"review_on": DATE, "description": TEXT, "mitigation": TEXT}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        team = Membership.objects.filter(partnership=partnership).values("user_id")
        self.fields["owner"].queryset = User.objects.filter(pk__in=team).order_by("username")
        self.fields["title"].help_text = _("Keep the title neutral: the details are encrypted, the title is not.")


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(label=_("Reviewed on"), widget=DATE)
    next_review_on = forms.DateField(label=_("Next review"), widget=DATE, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Risk.Status.choices)


class IncidentForm(forms.ModelForm):
    class Meta:
        model = SafetyIncident
        fields = ["occurred_on", "title", "category", "affects", "description", "risk", "status"]
        widgets = {"occurred_on": DATE, "description": TEXT}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risk"].queryset = Risk.objects.filter(partnership=partnership)


class FollowUpForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    action = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    next_step_on = forms.DateField(label=_("Next step on"), widget=DATE, required=False)
    status = forms.ChoiceField(label=_("Status of the incident"), choices=SafetyIncident.Status.choices)


class ContactForm(forms.ModelForm):
    class Meta:
        model = SupportContact
        fields = ["kind", "name", "how_to_reach", "available", "note", "review_on"]
        widgets = {"review_on": DATE, "name": forms.TextInput, "how_to_reach": forms.Textarea(attrs={"rows": 2}),
                   "note": forms.Textarea(attrs={"rows": 2})}


class LockForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional, encrypted)"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
