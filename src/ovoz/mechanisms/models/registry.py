"""The UN human-rights mechanisms registry: instruments, their articles, the bodies that review them, and who
has ratified what. Shared by every programme; every fact carries its source and the date it was true on."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COUNTRIES = [("KZ", _("Kazakhstan")), ("KG", _("Kyrgyzstan")), ("TJ", _("Tajikistan")), ("UZ", _("Uzbekistan"))]


class Sourced(models.Model):
    """Where a fact comes from and when it was known to be true: shown next to it everywhere."""

    source = models.CharField(_("source"), max_length=300, blank=True)
    as_of = models.DateField(_("as of"), null=True, blank=True)

    class Meta:
        abstract = True


class Mechanism(Sourced):
    class Kind(models.TextChoices):
        TREATY_BODY = "treaty_body", _("Treaty body")
        UPR = "upr", _("Universal Periodic Review")
        SPECIAL_PROCEDURE = "special_procedure", _("Special procedure")
        ILO = "ilo", _("ILO supervisory bodies")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60)
    basis = models.TextField(_("mandate and basis"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "short_name"]

    def __str__(self):
        return self.short_name

    @property
    def reviews_every_instrument(self) -> bool:
        """The UPR looks at everything a state has ratified, not at one treaty."""
        return self.kind == self.Kind.UPR


class Instrument(Sourced):
    class Kind(models.TextChoices):
        CORE = "core", _("Core treaty")
        PROTOCOL = "protocol", _("Optional protocol")
        ILO = "ilo", _("ILO convention")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="protocols",
                               verbose_name=_("protocol to"))
    bodies = models.ManyToManyField(Mechanism, blank=True, related_name="instruments",
                                    verbose_name=_("reviewed by"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "short_name"]

    def __str__(self):
        return self.short_name


class Article(models.Model):
    """An article of an instrument, the unit a shadow report is arranged by."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="articles")
    number = models.CharField(_("article"), max_length=10)
    title = models.CharField(_("what it protects"), max_length=200)
    # The same right in the evidence vocabulary ("right"), where one exists, so incidents tagged with it count.
    right_term = models.ForeignKey("evidence.Term", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", limit_choices_to={"vocabulary": "right"})
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["instrument__order", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["instrument", "number"], name="article_unique_per_instrument")]

    def __str__(self):
        return f"{self.instrument.short_name} art. {self.number}"


class Ratification(Sourced):
    """A country's standing with an instrument. "Unverified" facts are stored as unknown until checked."""

    class Status(models.TextChoices):
        PARTY = "party", _("Party (ratified or acceded)")
        SIGNED = "signed", _("Signed, not ratified")
        NOT_PARTY = "not_party", _("Not a party")
        UNKNOWN = "unknown", _("Unknown (unverified)")

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="ratifications")
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UNKNOWN)
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)
    date = models.DateField(_("exact date"), null=True, blank=True)
    verified = models.BooleanField(_("checked in UN or ILO documents"), default=False)
    reference = models.CharField(_("document reference"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["instrument__order", "country"]
        constraints = [models.UniqueConstraint(fields=["instrument", "country"], name="one_ratification_per_country")]

    def __str__(self):
        return f"{self.instrument} – {self.country}: {self.get_status_display()}"

    @property
    def is_party(self) -> bool:
        return self.status == self.Status.PARTY
