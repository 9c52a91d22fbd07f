"""The safety of defenders: a risk register per partnership, an incident log with follow-up, urgent support
contacts, and the emergency lock of a partnership's accounts.

What a risk or an incident says about threats, surveillance and the people affected is encrypted in the
database (like identities), so that a dump of a PostgreSQL volume does not hand it over.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.fields import EncryptedTextField

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class RiskCategory(models.TextChoices):
    THREATS = "threats", _("Threats and intimidation")
    SURVEILLANCE = "surveillance", _("Surveillance")
    AUTHORITIES = "authorities", _("Pressure from authorities")
    ONLINE = "online", _("Online harassment")
    LEGAL = "legal", _("Legal and administrative pressure")
    DIGITAL = "digital", _("Digital security (devices, accounts, data)")
    PHYSICAL = "physical", _("Physical safety")
    COMMUNITY = "community", _("Stigma or backlash in the community")
    OTHER = "other", _("Other")


class Affected(models.TextChoices):
    RESEARCHERS = "researchers", _("Researchers")
    MENTORS = "mentors", _("Mentors")
    ORGANISATION = "organisation", _("The organisation")
    CO_RESEARCHERS = "co_researchers", _("Community co-researchers")
    PARTICIPANTS = "participants", _("Participants")


class Risk(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MONITORED = "monitored", _("Being monitored")
        CLOSED = "closed", _("Closed")

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.CASCADE, related_name="risks")
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("kind of risk"), max_length=16, choices=RiskCategory.choices)
    affects = models.CharField(_("who is affected"), max_length=16, choices=Affected.choices)
    description = EncryptedTextField(_("description"), blank=True)
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1–5)"), validators=SCALE, default=3)
    impact = models.PositiveSmallIntegerField(_("impact (1–5)"), validators=SCALE, default=3)
    mitigation = EncryptedTextField(_("mitigation"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who follows it"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    review_on = models.DateField(_("next review"), null=True, blank=True)
    reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["status", "review_on", "-pk"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.CheckConstraint(condition=Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
                                   name="risk_scale_one_to_five"),
        ]

    def __str__(self):
        return self.title

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def severity(self) -> str:
        """high, medium or low, from likelihood × impact (a 5×5 matrix)."""
        return "high" if self.score >= 15 else "medium" if self.score >= 6 else "low"

    def review_is_due(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status != self.Status.CLOSED and self.review_on is not None and self.review_on <= today


class SafetyIncident(models.Model):
    """Something that happened to the team or the organisation (not a documented violation of a participant)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FOLLOWED_UP = "followed_up", _("Being followed up")
        CLOSED = "closed", _("Closed")

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.CASCADE, related_name="safety_incidents")
    risk = models.ForeignKey(Risk, verbose_name=_("related risk"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="incidents")
    occurred_on = models.DateField(_("when"))
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("kind"), max_length=16, choices=RiskCategory.choices)
    affects = models.CharField(_("who was affected"), max_length=16, choices=Affected.choices)
    description = EncryptedTextField(_("what happened"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("safety incident")
        verbose_name_plural = _("safety incidents")

    def __str__(self):
        return self.title


class FollowUp(models.Model):
    incident = models.ForeignKey(SafetyIncident, on_delete=models.CASCADE, related_name="follow_ups")
    date = models.DateField(_("date"))
    action = EncryptedTextField(_("what was done"))
    next_step_on = models.DateField(_("next step on"), null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.incident} – {self.date}"


class SupportContact(models.Model):
    """Whom to call in an emergency: for one partnership, or for the whole programme (partnership empty)."""

    class Kind(models.TextChoices):
        LEGAL = "legal", _("Legal aid")
        MEDICAL = "medical", _("Medical")
        PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
        DIGITAL = "digital", _("Digital security helpline")
        RELOCATION = "relocation", _("Emergency relocation or grants")
        NETWORK = "network", _("Network or solidarity")
        OTHER = "other", _("Other")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="support_contacts")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="support_contacts"
    )
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    name = EncryptedTextField(_("name"))
    how_to_reach = EncryptedTextField(_("how to reach them"), help_text=_("Phone, Signal, e-mail, address."))
    available = models.CharField(_("when available"), max_length=120, blank=True)
    note = EncryptedTextField(_("note"), blank=True)
    review_on = models.DateField(_("check again on"), null=True, blank=True)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("urgent support contact")
        verbose_name_plural = _("urgent support contacts")

    def __str__(self):
        return self.name


class PartnershipLock(models.Model):
    """An emergency lock: every account of the partnership suspended, its sessions ended, its tokens revoked."""

    partnership = models.ForeignKey("programmes.Partnership", on_delete=models.CASCADE, related_name="locks")
    reason = EncryptedTextField(_("reason"), blank=True)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    locked_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-locked_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership"], condition=Q(lifted_at__isnull=True),
                                    name="one_active_lock_per_partnership"),
        ]

    def __str__(self):
        return f"{self.partnership} {self.locked_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None


class LockedAccount(models.Model):
    """One account a lock suspended, with what it was before, so that lifting restores exactly that."""

    lock = models.ForeignKey(PartnershipLock, on_delete=models.CASCADE, related_name="accounts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    was_active = models.BooleanField(default=True)
    sessions_ended = models.PositiveIntegerField(default=0)
    tokens_revoked = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lock", "user"], name="locked_once_per_lock")]

    def __str__(self):
        return f"{self.user_id} in {self.lock_id}"
