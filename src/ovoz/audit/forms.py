from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.audit.models import AuditEntry


class AuditFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    actor = forms.CharField(label=_("Who"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    action = forms.CharField(label=_("Action"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All"))] + list(AuditEntry.Kind.choices)

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data

    def apply(self, qs):
        if not self.is_valid():
            return qs.none()
        d = self.cleaned_data
        if d.get("q"):
            qs = qs.filter(object_repr__icontains=d["q"]) | qs.filter(action__icontains=d["q"])
        if d.get("actor"):
            qs = qs.filter(actor_label__icontains=d["actor"])
        if d.get("kind"):
            qs = qs.filter(kind=d["kind"])
        if d.get("action"):
            qs = qs.filter(action__startswith=d["action"])
        if d.get("since"):
            qs = qs.filter(at__date__gte=d["since"])
        if d.get("until"):
            qs = qs.filter(at__date__lte=d["until"])
        return qs
