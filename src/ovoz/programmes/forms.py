from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.accounts.roles import Role
from ovoz.programmes.models import COUNTRIES


class MemberAddForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("An existing username, or a new one to create the account."),
    )
    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    partnership = forms.ChoiceField(label=_("Partnership"), required=False)

    def __init__(self, *args, partnerships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.partnerships = {str(p.pk): p for p in partnerships}
        self.fields["partnership"].choices = [("", _("Whole programme"))] + [(str(p.pk), str(p)) for p in partnerships]

    def clean_partnership(self):
        value = self.cleaned_data.get("partnership")
        if not value:
            return None
        if value not in self.partnerships:
            raise forms.ValidationError(_("Choose a partnership of this programme."))
        return self.partnerships[value]


class RoleChangeForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class PartnershipForm(forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES)
    research_topic = forms.CharField(
        label=_("Research topic"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    briefer_title = forms.CharField(label=_("Briefer title"), max_length=300, required=False)
