"""Documented violations, after the HURIDOCS events standard, with labour claims added."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.fields import EncryptedTextField


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    APPROXIMATE = "approximate", _("approximate")


class Incident(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        LIKELY = "likely", _("Likely")
        POSSIBLE = "possible", _("Possible")
        UNLIKELY = "unlikely", _("Unlikely")
        UNKNOWN = "unknown", _("Unknown")

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="incidents")
    title = models.CharField(_("title"), max_length=200)
    narrative = models.TextField(_("what happened"), blank=True)
    date = models.DateField(_("when"), null=True, blank=True)
    date_precision = models.CharField(_("date precision"), max_length=12, choices=DatePrecision.choices,
                                      default=DatePrecision.DAY)
    end_date = models.DateField(_("until"), null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    region = models.ForeignKey("evidence.Term", verbose_name=_("region"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+", limit_choices_to={"vocabulary": "region"})
    city = models.CharField(_("city or place"), max_length=120, blank=True)
    status = models.CharField(_("violation status"), max_length=12, choices=Status.choices, default=Status.UNKNOWN)
    rights = models.ManyToManyField("evidence.Term", verbose_name=_("rights affected"), blank=True,
                                    related_name="incidents_for_right", limit_choices_to={"vocabulary": "right"})
    shared_with_programme = models.BooleanField(_("shared with the programme's coordinators"), default=False)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    external_id = models.CharField(max_length=100, blank=True, db_index=True)

    class Meta:
        ordering = ["partnership", "-date", "title"]
        indexes = [  # the list in its order, and what coordinators see (as for sources)
            models.Index(fields=["partnership", "-date", "title", "id", "shared_with_programme"],
                         name="incident_list_idx"),
        ]

    def __str__(self):
        return self.title


class Act(models.Model):
    """One act within an incident: what was done, to whom, by what kind of perpetrator."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="acts")
    act_type = models.ForeignKey("evidence.Term", verbose_name=_("type of act"), on_delete=models.PROTECT,
                                 related_name="+", limit_choices_to={"vocabulary": "violation"})
    victims = models.ManyToManyField("evidence.Participant", verbose_name=_("who suffered it"), blank=True,
                                     related_name="acts")
    perpetrator_type = models.ForeignKey("evidence.Term", verbose_name=_("type of perpetrator"), null=True,
                                         blank=True, on_delete=models.PROTECT, related_name="+",
                                         limit_choices_to={"vocabulary": "perpetrator"})
    perpetrator_description = models.CharField(_("perpetrator (description)"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["incident", "id"]

    def __str__(self):
        return str(self.act_type)


class Intervention(models.Model):
    """What was done about it: a complaint, a referral, a case; and what came of it."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        RESOLVED = "resolved", _("Resolved")
        REJECTED = "rejected", _("Rejected")
        ABANDONED = "abandoned", _("Abandoned")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="interventions")
    intervention_type = models.ForeignKey("evidence.Term", verbose_name=_("type"), on_delete=models.PROTECT,
                                          related_name="+", limit_choices_to={"vocabulary": "intervention"})
    date = models.DateField(_("date"), null=True, blank=True)
    by_whom = models.CharField(_("by whom"), max_length=200, blank=True)
    response = models.TextField(_("response"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ONGOING)

    class Meta:
        ordering = ["incident", "date", "id"]

    def __str__(self):
        return str(self.intervention_type)


class IncidentSource(models.Model):
    """A source that documents an incident, how it knows, and how far it can be relied on."""

    class Connection(models.TextChoices):
        VICTIM = "victim", _("Victim")
        WITNESS = "witness", _("Witness")
        RELATIVE = "relative", _("Relative")
        NGO = "ngo", _("NGO or service provider")
        DOCUMENT = "document", _("Document")
        OTHER = "other", _("Other")

    class Reliability(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")
        UNKNOWN = "unknown", _("Unknown")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="source_links")
    source = models.ForeignKey("evidence.Source", on_delete=models.CASCADE, related_name="incident_links")
    connection = models.CharField(_("connection to the information"), max_length=10, choices=Connection.choices)
    reliability = models.CharField(_("reliability"), max_length=10, choices=Reliability.choices,
                                   default=Reliability.UNKNOWN)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["incident", "source"], name="incident_source_unique")]

    def __str__(self):
        return f"{self.source} → {self.incident}"


class LabourClaim(models.Model):
    """The labour side of an incident: employer, contract, wages owed, hours, documents, recovery."""

    class EmployerType(models.TextChoices):
        PRIVATE_PERSON = "private_person", _("Private person or household")
        COMPANY = "company", _("Company")
        INTERMEDIARY = "intermediary", _("Intermediary or recruiter")
        STATE = "state", _("State body")
        OTHER = "other", _("Other")

    class Contract(models.TextChoices):
        NONE = "none", _("No contract")
        ORAL = "oral", _("Oral agreement")
        WRITTEN = "written", _("Written contract")

    incident = models.OneToOneField(Incident, on_delete=models.CASCADE, related_name="labour_claim")
    employer_type = models.CharField(_("employer type"), max_length=20, choices=EmployerType.choices, blank=True)
    employer_name = EncryptedTextField(_("employer or recruiter name"), blank=True)
    contract = models.CharField(_("contract"), max_length=10, choices=Contract.choices, blank=True)
    wages_owed = models.DecimalField(_("wages owed"), max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    wages_period = models.CharField(_("period the wages cover"), max_length=120, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(_("hours worked per week"), null=True, blank=True)
    documents_confiscated = models.BooleanField(_("documents confiscated"), default=False)
    documents_confiscated_by = models.CharField(_("confiscated by"), max_length=120, blank=True)
    recovered_amount = models.DecimalField(_("amount recovered"), max_digits=12, decimal_places=2, null=True,
                                           blank=True)

    def __str__(self):
        return f"{self.incident} – {self.get_contract_display()}"
