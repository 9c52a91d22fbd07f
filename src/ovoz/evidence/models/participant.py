from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.fields import EncryptedTextField


class AgeBand(models.TextChoices):
    UNDER_18 = "u18", _("under 18")
    B18_24 = "18-24", "18–24"
    B25_29 = "25-29", "25–29"
    B30_39 = "30-39", "30–39"
    B40_49 = "40-49", "40–49"
    B50_59 = "50-59", "50–59"
    B60_PLUS = "60+", _("60 and over")
    UNKNOWN = "", _("not known")


class ConsentScope(models.TextChoices):
    """What a participant allows her material to be used for. Each is a column on Participant too."""

    ANALYSIS = "analysis", _("Use in analysis")
    QUOTES = "quotes", _("Anonymous quotes in publications")
    STATISTICS = "statistics", _("Aggregate statistics")
    COORDINATORS = "coordinators", _("Sharing with the programme's coordinators")
    UN_AUTHORITIES = "un_authorities", _("Sharing with UN mechanisms or authorities")
    ATTRIBUTION = "attribution", _("Attribution by name")

    @classmethod
    def field(cls, scope: str) -> str:
        return f"consent_{scope}"


class Participant(models.Model):
    """A woman who takes part in the research, known by a pseudonym code.

    Her identity (name, contacts) is encrypted and shown only to her partnership's researchers after
    re-authentication. The ``consent_*`` columns mirror her latest consent record (kept by the consent
    services) so that every query can filter on what she allows without a join.
    """

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.PROTECT, related_name="participants")
    code = models.CharField(_("pseudonym code"), max_length=30, db_index=True)
    name = EncryptedTextField(_("name"), blank=True)
    contacts = EncryptedTextField(_("contacts"), blank=True)
    migrant_status = models.ForeignKey(
        "evidence.Term", verbose_name=_("migrant status"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", limit_choices_to={"vocabulary": "migrant_status"},
    )
    age_band = models.CharField(_("age band"), max_length=8, choices=AgeBand.choices, blank=True)
    region_of_origin = models.ForeignKey(
        "evidence.Term", verbose_name=_("region of origin"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", limit_choices_to={"vocabulary": "region"},
    )
    destination = models.CharField(_("destination country or city"), max_length=120, blank=True)
    work_sector = models.ForeignKey(
        "evidence.Term", verbose_name=_("work sector"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", limit_choices_to={"vocabulary": "work_sector"},
    )
    household_role = models.ForeignKey(
        "evidence.Term", verbose_name=_("household role"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", limit_choices_to={"vocabulary": "household_role"},
    )
    attributes = models.JSONField(_("other attributes"), default=dict, blank=True)

    consent_analysis = models.BooleanField(default=False)
    consent_quotes = models.BooleanField(default=False)
    consent_statistics = models.BooleanField(default=False)
    consent_coordinators = models.BooleanField(default=False)
    consent_un_authorities = models.BooleanField(default=False)
    consent_attribution = models.BooleanField(default=False)
    withdrawn_at = models.DateField(_("withdrew entirely on"), null=True, blank=True)

    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    external_id = models.CharField(max_length=100, blank=True, db_index=True,
                                   help_text="Submission UUID or row key of an import, to prevent duplicates.")

    class Meta:
        ordering = ["partnership", "code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="participant_code_unique"),
        ]
        indexes = [models.Index(fields=["partnership", "consent_analysis"])]

    def __str__(self):
        return self.code

    def allows(self, scope: str) -> bool:
        return bool(getattr(self, ConsentScope.field(scope)))


class AttributeDefinition(models.Model):
    """An extra participant attribute a programme analyses (e.g. 'number of children')."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number")
        CHOICE = "choice", _("Choice")
        YES_NO = "yes_no", _("Yes or no")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="attributes")
    key = models.SlugField(max_length=50)
    label = models.CharField(_("label"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["programme", "order", "key"]
        constraints = [models.UniqueConstraint(fields=["programme", "key"], name="attribute_key_unique")]

    def __str__(self):
        return self.label
