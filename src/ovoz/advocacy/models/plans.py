"""Advocacy plans: objectives at the four levels, asks backed by findings and addressed to power-map actors,
activities with dates, responsible people and budget, and the outcomes achieved."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ovoz.advocacy.models.power import Actor, StepStatus
from ovoz.advocacy.models.scope import Level, Scoped

currency_code = RegexValidator(r"^[A-Z]{3}$", _("A currency is a three-letter ISO 4217 code, such as USD."))


class AdvocacyPlan(Scoped):
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period to"))
    currency = models.CharField(_("currency"), max_length=3, default="USD", validators=[currency_code])
    # The advocacy sub-grant proposal this plan's budget feeds (grants app); a partnership's plans only.
    proposal = models.ForeignKey(
        "grants.AdvocacyProposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="advocacy_plans",
        verbose_name=_("advocacy proposal"),
    )

    class Meta:
        ordering = ["programme", "partnership", "-starts_on", "pk"]
        verbose_name = _("advocacy plan")
        verbose_name_plural = _("advocacy plans")
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="plan_period")]

    def __str__(self):
        return self.title


class Objective(models.Model):
    plan = models.ForeignKey(AdvocacyPlan, on_delete=models.CASCADE, related_name="objectives")
    level = models.CharField(_("level"), max_length=14, choices=Level.choices)
    text = models.TextField(_("objective"))
    outcome_achieved = models.TextField(_("outcome achieved"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self):
        return self.text[:80]


class Ask(models.Model):
    """What the plan asks of its targets, and the findings that back the ask."""

    plan = models.ForeignKey(AdvocacyPlan, on_delete=models.CASCADE, related_name="asks")
    objective = models.ForeignKey(Objective, null=True, blank=True, on_delete=models.SET_NULL, related_name="asks",
                                  verbose_name=_("objective"))
    text = models.TextField(_("ask"))
    targets = models.ManyToManyField(Actor, blank=True, related_name="asks", verbose_name=_("targets"))
    findings = models.ManyToManyField("publishing.Finding", blank=True, related_name="advocacy_asks",
                                      verbose_name=_("findings"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("ask")
        verbose_name_plural = _("asks")

    def __str__(self):
        return self.text[:80]


class Activity(models.Model):
    """One advocacy activity. Recommendations in the mechanisms app link here (they own that link)."""

    plan = models.ForeignKey(AdvocacyPlan, on_delete=models.CASCADE, related_name="activities")
    objective = models.ForeignKey(Objective, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="activities", verbose_name=_("objective"))
    level = models.CharField(_("level"), max_length=14, choices=Level.choices, default=Level.NATIONAL)
    title = models.CharField(_("activity"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    targets = models.ManyToManyField(Actor, blank=True, related_name="activities", verbose_name=_("targets"))
    budget = models.DecimalField(_("budget"), max_digits=12, decimal_places=2, default=Decimal("0"),
                                 validators=[MinValueValidator(0)])
    # A grants.BudgetCategory value, so the plan's totals go into the proposal's budget lines by category.
    budget_category = models.CharField(_("budget category"), max_length=20, default="advocacy")
    status = models.CharField(_("status"), max_length=12, choices=StepStatus.choices, default=StepStatus.PLANNED)
    outcome = models.TextField(_("outcome achieved"), blank=True)

    class Meta:
        ordering = ["plan", "starts_on", "pk"]
        verbose_name = _("advocacy activity")
        verbose_name_plural = _("advocacy activities")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="activity_dates"),
            models.CheckConstraint(condition=Q(budget__gte=0), name="activity_budget_not_negative"),
        ]
        indexes = [models.Index(fields=["starts_on"])]

    def __str__(self):
        return self.title
