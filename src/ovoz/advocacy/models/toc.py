"""Theory of Change: a goal, and below it the long-term outcomes, the preconditions that lead to them, the
interventions that bring the preconditions about, and the assumptions and indicators attached to any of them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ovoz.advocacy.models.scope import Scoped


class TheoryOfChange(Scoped):
    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"), help_text=_("The impact the partnership works towards."))

    class Meta:
        ordering = ["programme", "partnership", "title", "pk"]
        verbose_name = _("theory of change")
        verbose_name_plural = _("theories of change")

    def __str__(self):
        return self.title


class ChangeNode(models.Model):
    class Kind(models.TextChoices):
        OUTCOME = "outcome", _("Long-term outcome")
        PRECONDITION = "precondition", _("Precondition")
        INTERVENTION = "intervention", _("Intervention")
        ASSUMPTION = "assumption", _("Assumption")
        INDICATOR = "indicator", _("Indicator")

    toc = models.ForeignKey(TheoryOfChange, on_delete=models.CASCADE, related_name="nodes")
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=400)
    # Preconditions lead to outcomes (or to other preconditions), interventions to preconditions; assumptions
    # and indicators are attached to the element they are about. Empty: straight to the goal.
    leads_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="fed_by", verbose_name=_("leads to"),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["toc", "kind", "position", "pk"]
        verbose_name = _("element of a theory of change")
        verbose_name_plural = _("elements of a theory of change")

    def __str__(self):
        return self.text
