from django import forms
from django.utils.translation import gettext_lazy as _

from ovoz.evidence.forms.sources import DATE, ParticipantChoiceField
from ovoz.evidence.models import DatePrecision, Incident, IncidentSource, Intervention, LabourClaim
from ovoz.programmes.models import COUNTRIES

CURRENCIES = [
    ("", "—"),
    ("KGS", _("KGS – Kyrgyz som")),
    ("KZT", _("KZT – Kazakh tenge")),
    ("TJS", _("TJS – Tajik somoni")),
    ("UZS", _("UZS – Uzbek soʻm")),
    ("RUB", _("RUB – Russian rouble")),
    ("USD", _("USD – US dollar")),
    ("EUR", _("EUR – euro")),
    ("TRY", _("TRY – Turkish lira")),
    ("KRW", _("KRW – South Korean won")),
]


class TermChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label()


class TermMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label()


class SourceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.date:%d.%m.%Y})" if obj.date else obj.title


def region_choices(regions) -> list:
    """Regions grouped by country, for a select with one group per country."""
    names = dict(COUNTRIES)
    groups: dict[str, list] = {}
    for term in regions:
        groups.setdefault(term.country, []).append((str(term.pk), term.label()))
    return [("", "—")] + [(str(names.get(c, c or _("Other"))), items) for c, items in groups.items()]


class IncidentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200,
                            help_text=_("What happened, in a few words, without names."))
    narrative = forms.CharField(label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    date = forms.DateField(label=_("When"), required=False, widget=DATE)
    date_precision = forms.ChoiceField(label=_("How precise is the date"), choices=DatePrecision.choices,
                                       initial=DatePrecision.DAY)
    end_date = forms.DateField(label=_("Until"), required=False, widget=DATE,
                               help_text=_("If it went on for a time."))
    country = forms.ChoiceField(label=_("Country"), choices=[("", "—")] + COUNTRIES, required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    city = forms.CharField(label=_("City or place"), max_length=120, required=False)
    rights = TermMultipleChoiceField(label=_("Rights affected"), queryset=None, required=False,
                                     widget=forms.CheckboxSelectMultiple)
    status = forms.ChoiceField(label=_("Violation status"), choices=Incident.Status.choices,
                               initial=Incident.Status.UNKNOWN)
    shared_with_programme = forms.BooleanField(
        label=_("Share with the programme's coordinators"), required=False,
        help_text=_("Only if every victim allows sharing with coordinators."),
    )

    def __init__(self, *args, regions, rights, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {str(t.pk): t for t in regions}
        self.fields["region"].choices = region_choices(regions)
        self.fields["rights"].queryset = rights

    def clean_region(self):
        value = self.cleaned_data.get("region")
        if not value:
            return None
        if value not in self.regions:
            raise forms.ValidationError(_("Choose a region from the list."))
        return self.regions[value]

    def section(self, *names):
        return [self[n] for n in names]

    def what(self):
        return self.section("title", "narrative")

    def when(self):
        return self.section("date", "date_precision", "end_date")

    def where(self):
        return self.section("country", "region", "city")

    def values(self) -> dict:
        d = self.cleaned_data
        return {name: d[name] for name in (
            "title", "narrative", "date", "date_precision", "end_date", "country", "region", "city", "status",
            "shared_with_programme",
        )}


class RowForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ActForm(RowForm):
    act_type = TermChoiceField(label=_("Type of act"), queryset=None)
    victims = ParticipantChoiceField(label=_("Who suffered it"), queryset=None, required=False,
                                     widget=forms.CheckboxSelectMultiple)
    perpetrator_type = TermChoiceField(label=_("Type of perpetrator"), queryset=None, required=False, empty_label="—")
    perpetrator_description = forms.CharField(label=_("Perpetrator (description, no names)"), max_length=200,
                                              required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, act_types, perpetrators, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["act_type"].queryset = act_types
        self.fields["perpetrator_type"].queryset = perpetrators
        self.fields["victims"].queryset = participants


class InterventionForm(RowForm):
    intervention_type = TermChoiceField(label=_("Type of intervention"), queryset=None)
    date = forms.DateField(label=_("Date"), required=False, widget=DATE)
    by_whom = forms.CharField(label=_("By whom"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Intervention.Status.choices,
                               initial=Intervention.Status.ONGOING)
    response = forms.CharField(label=_("Response"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    outcome = forms.CharField(label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, intervention_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intervention_type"].queryset = intervention_types


class SourceLinkForm(RowForm):
    source = SourceChoiceField(label=_("Source"), queryset=None)
    connection = forms.ChoiceField(label=_("Connection to the information"),
                                   choices=IncidentSource.Connection.choices)
    reliability = forms.ChoiceField(label=_("Reliability"), choices=IncidentSource.Reliability.choices,
                                    initial=IncidentSource.Reliability.UNKNOWN)

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = sources


class LabourClaimForm(forms.Form):
    has_claim = forms.BooleanField(label=_("This incident includes a labour claim"), required=False)
    employer_type = forms.ChoiceField(label=_("Employer type"), required=False,
                                      choices=[("", "—")] + LabourClaim.EmployerType.choices)
    employer_name = forms.CharField(
        label=_("Employer or recruiter name"), required=False, max_length=300,
        help_text=_("Encrypted. Only this partnership's researchers can see it, after confirming their password."),
    )
    clear_employer_name = forms.BooleanField(label=_("Remove the recorded employer name"), required=False)
    contract = forms.ChoiceField(label=_("Contract"), required=False,
                                 choices=[("", "—")] + LabourClaim.Contract.choices)
    wages_owed = forms.DecimalField(label=_("Wages owed"), required=False, max_digits=12, decimal_places=2,
                                    min_value=0)
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=CURRENCIES)
    wages_period = forms.CharField(label=_("Period the wages cover"), required=False, max_length=120,
                                   help_text=_("e.g. “March–May 2023”, “three months”."))
    hours_per_week = forms.IntegerField(label=_("Hours worked per week"), required=False, min_value=0,
                                        max_value=168)
    documents_confiscated = forms.BooleanField(label=_("Documents confiscated"), required=False)
    documents_confiscated_by = forms.CharField(label=_("Confiscated by"), required=False, max_length=120)
    recovered_amount = forms.DecimalField(label=_("Amount recovered"), required=False, max_digits=12,
                                          decimal_places=2, min_value=0)

    def __init__(self, *args, can_name_employer: bool, has_employer_name: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_name_employer = can_name_employer
        if not can_name_employer:
            del self.fields["employer_name"]
            del self.fields["clear_employer_name"]
        elif has_employer_name:
            self.fields["employer_name"].help_text = _(
                "A name is recorded (not shown here). Leave this empty to keep it, or type a new one to replace it."
            )
        else:
            del self.fields["clear_employer_name"]

    def clean(self):
        d = super().clean()
        if (d.get("wages_owed") is not None or d.get("recovered_amount") is not None) and not d.get("currency"):
            self.add_error("currency", _("Give the currency of the amounts."))
        return d

    def claim(self, keep):
        """The labour claim for the service: None to remove it, or its values (``keep`` for the name unchanged)."""
        d = self.cleaned_data
        if not d.get("has_claim"):
            return None
        values = {name: d[name] for name in (
            "employer_type", "contract", "wages_owed", "currency", "wages_period", "hours_per_week",
            "documents_confiscated", "documents_confiscated_by", "recovered_amount",
        )}
        values["employer_name"] = keep
        if self.can_name_employer:
            if d.get("employer_name", "").strip():
                values["employer_name"] = d["employer_name"].strip()
            elif d.get("clear_employer_name"):
                values["employer_name"] = ""
        return values


class IncidentFilterForm(forms.Form):
    q = forms.CharField(label=_("Title"), required=False)
    violation = forms.ChoiceField(label=_("Type of act"), required=False)
    perpetrator = forms.ChoiceField(label=_("Type of perpetrator"), required=False)
    status = forms.ChoiceField(label=_("Violation status"), required=False,
                               choices=[("", _("All"))] + Incident.Status.choices)
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", _("All"))] + COUNTRIES)
    region = forms.ChoiceField(label=_("Region"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE)

    def __init__(self, *args, violations, perpetrators, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["violation"].choices = [("", _("All"))] + [(str(t.pk), t.label()) for t in violations]
        self.fields["perpetrator"].choices = [("", _("All"))] + [(str(t.pk), t.label()) for t in perpetrators]
        choices = region_choices(regions)
        self.fields["region"].choices = [("", _("All"))] + choices[1:]
