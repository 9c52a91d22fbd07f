from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.grants.models.fields import currency_field, money_field
from ovoz.grants.models.grants import BudgetCategory, Grant


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Returned with comments")
    APPROVED = "approved", _("Approved")

    @classmethod
    def editable(cls) -> tuple[str, ...]:
        return (cls.DRAFT, cls.CHANGES_REQUESTED)


class AdvocacyProposal(models.Model):
    """A partnership's plan and budget for the advocacy phase; approving it makes the advocacy grant."""

    partnership = models.ForeignKey(
        "programmes.Partnership", on_delete=models.PROTECT, related_name="advocacy_proposals",
        verbose_name=_("partnership"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    activities = models.TextField(_("activities"), blank=True)
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period to"))
    currency = currency_field()
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    grant = models.OneToOneField(
        Grant, null=True, blank=True, on_delete=models.PROTECT, related_name="proposal", verbose_name=_("grant")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["partnership__organisation__name", "starts_on", "pk"]
        verbose_name = _("advocacy proposal")
        verbose_name_plural = _("advocacy proposals")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="proposal_period"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in ProposalStatus.editable()


class ProposalBudgetLine(models.Model):
    proposal = models.ForeignKey(AdvocacyProposal, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = money_field(_("amount"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["proposal", "position", "pk"]

    def __str__(self):
        return self.description or self.get_category_display()
