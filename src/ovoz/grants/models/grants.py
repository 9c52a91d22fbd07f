from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.grants.models.fields import currency_field, money_field

# Offered in forms; a service accepts any three-letter ISO 4217 code.
CURRENCIES = [
    ("USD", _("US dollar (USD)")),
    ("EUR", _("Euro (EUR)")),
    ("GBP", _("Pound sterling (GBP)")),
    ("THB", _("Thai baht (THB)")),
    ("KGS", _("Kyrgyz som (KGS)")),
    ("KZT", _("Kazakh tenge (KZT)")),
    ("TJS", _("Tajik somoni (TJS)")),
    ("UZS", _("Uzbek som (UZS)")),
    ("RUB", _("Russian rouble (RUB)")),
]


class GrantKind(models.TextChoices):
    RESEARCH = "research", _("Research sub-grant")
    ADVOCACY = "advocacy", _("Advocacy sub-grant")


class GrantStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class BudgetCategory(models.TextChoices):
    SALARY = "salary", _("Researcher salary and on-costs")
    CONSULTATIONS = "consultations", _("Community consultations")
    TRANSLATION = "translation", _("Translation")
    TRAVEL = "travel", _("Travel to trainings")
    COMMUNICATION = "communication", _("Communication")
    ADVOCACY = "advocacy", _("Advocacy activities")
    MATERIALS = "materials", _("Materials and publications")
    ADMINISTRATION = "administration", _("Administration")
    OTHER = "other", _("Other")


class GrantPolicy(models.Model):
    """How much a programme gives: the research sub-grant cap (US$ 14,000 in the seed), optionally an advocacy cap."""

    programme = models.OneToOneField(
        "programmes.Programme", on_delete=models.CASCADE, related_name="grant_policy", verbose_name=_("programme")
    )
    currency = currency_field(help_text=_("Research (and advocacy) sub-grants must be in this currency."))
    research_cap = money_field(_("research sub-grant cap"))
    advocacy_cap = money_field(
        _("advocacy sub-grant cap"), null=True, blank=True, help_text=_("Leave empty for no cap.")
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("grant policy")
        verbose_name_plural = _("grant policies")

    def __str__(self):
        return f"{self.programme}: {self.research_cap} {self.currency}"

    def cap_for(self, kind: str):
        return self.research_cap if kind == GrantKind.RESEARCH else self.advocacy_cap


class Grant(models.Model):
    """A sub-grant to one partnership. Budget lines and tranches are in the grant's currency."""

    partnership = models.ForeignKey(
        "programmes.Partnership", on_delete=models.PROTECT, related_name="grants", verbose_name=_("partnership")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=GrantKind.choices)
    currency = currency_field()
    amount = money_field(_("amount"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(_("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.ACTIVE)
    reference = models.CharField(_("reference"), max_length=60, blank=True, help_text=_("E.g. the agreement number."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partnership__organisation__name", "kind", "starts_on", "pk"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(kind="research"), name="one_research_grant_per_partnership"
            ),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="grant_dates"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_amount_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.partnership.organisation.name}"


class BudgetLine(models.Model):
    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("grant"))
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = money_field(_("amount"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["grant", "position", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self):
        return self.description or self.get_category_display()

    @property
    def label(self) -> str:
        if self.description:
            return f"{self.get_category_display()}: {self.description}"
        return str(self.get_category_display())


class Tranche(models.Model):
    """One instalment: planned on a date for an amount; paid (perhaps another day, another amount)."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="tranches", verbose_name=_("grant"))
    planned_on = models.DateField(_("planned date"))
    planned_amount = money_field(_("planned amount"))
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_amount = money_field(_("paid amount"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["grant", "planned_on", "pk"]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        constraints = [
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True, paid_amount__isnull=True)
                | Q(paid_on__isnull=False, paid_amount__isnull=False),
                name="tranche_paid_date_and_amount_together",
            ),
        ]

    def __str__(self):
        return f"{self.grant}: {self.planned_on}"

    @property
    def is_paid(self) -> bool:
        return self.paid_on is not None
