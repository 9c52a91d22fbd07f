"""Trainings, meetings and other events of a programme: agenda, expected outputs, materials,
invitations with attendance, and an anonymous before/after evaluation."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.accounts.roles import Role
from ovoz.fields import EncryptedTextField
from ovoz.programmes.models import COUNTRIES

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Event(models.Model):
    class Kind(models.TextChoices):
        REGIONAL_TRAINING = "regional_training", _("Regional training")
        REFLECTION_MEETING = "reflection_meeting", _("Reflection meeting")
        NATIONAL_TRAINING = "national_training", _("National training")
        UN_MECHANISMS_TRAINING = "un_mechanisms_training", _("Training on UN human-rights mechanisms")
        OTHER = "other", _("Other event")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class EvaluationState(models.TextChoices):
        NOT_OPEN = "not_open", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.REGIONAL_TRAINING)
    title = models.CharField(_("title"), max_length=300)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, blank=True)
    format = models.CharField(_("format"), max_length=12, choices=Format.choices, default=Format.IN_PERSON)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    evaluation_state = models.CharField(
        _("evaluation"), max_length=12, choices=EvaluationState.choices, default=EvaluationState.NOT_OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="event_dates")]
        indexes = [models.Index(fields=["programme", "starts_on"])]

    def __str__(self):
        return self.title

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.city, self.get_country_display()) if p)

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class AgendaSession(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("from"), null=True, blank=True)
    ends_at = models.TimeField(_("until"), null=True, blank=True)
    title = models.CharField(_("session"), max_length=300)
    facilitator = models.CharField(_("facilitator"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["day", F("starts_at").asc(nulls_first=True), "position", "pk"]
        verbose_name = _("agenda session")
        verbose_name_plural = _("agenda sessions")

    def __str__(self):
        return self.title


class ExpectedOutput(models.Model):
    class Outcome(models.TextChoices):
        NOT_ASSESSED = "not_assessed", _("Not assessed yet")
        MET = "met", _("Met")
        PARTLY_MET = "partly_met", _("Partly met")
        NOT_MET = "not_met", _("Not met")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outputs")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("expected output"))
    outcome = models.CharField(_("outcome"), max_length=14, choices=Outcome.choices, default=Outcome.NOT_ASSESSED)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("expected output")
        verbose_name_plural = _("expected outputs")

    def __str__(self):
        return self.text[:80]


def material_path(instance, filename: str) -> str:
    """A random name on disk; the name she uploaded is kept only in the database."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"events/{instance.event_id}/{uuid.uuid4().hex}{suffix}"


class Material(models.Model):
    """A file (stored encrypted on the default storage) or a link."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=material_path, blank=True, max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")), name="material_file_or_link"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_link(self) -> bool:
        return not self.file


class Invitation(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        CONFIRMED = "confirmed", _("Confirmed")
        ATTENDED = "attended", _("Attended")
        ABSENT = "absent", _("Absent")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_invitations")
    # The partnership she came from when invited, for the report's counts by partnership.
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.SET_NULL, related_name="event_invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.INVITED)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["partnership_id", "role", "user__username"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_invitation_per_person")]

    def __str__(self):
        return f"{self.user} – {self.event}"


class EvaluationTopic(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("topic"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("evaluation topic")
        verbose_name_plural = _("evaluation topics")

    def __str__(self):
        return self.title


class EvaluationResponse(models.Model):
    """One participant's answers. Anonymous: no person, no time, a random id.

    ``respondent_key`` is a keyed fingerprint of (event, person), kept only so that she answers once
    and can change her answers while the evaluation is open; it names nobody.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="responses")
    respondent_key = models.CharField(max_length=64)
    comment = EncryptedTextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("evaluation response")
        constraints = [models.UniqueConstraint(fields=["event", "respondent_key"], name="one_response_per_person")]

    def __str__(self):
        return str(_("Anonymous answer"))


class EvaluationScore(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(EvaluationResponse, on_delete=models.CASCADE, related_name="scores")
    topic = models.ForeignKey(EvaluationTopic, on_delete=models.CASCADE, related_name="scores")
    before = models.PositiveSmallIntegerField(_("before"), validators=SCORE_VALIDATORS)
    after = models.PositiveSmallIntegerField(_("after"), validators=SCORE_VALIDATORS)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "topic"], name="one_score_per_topic"),
            models.CheckConstraint(
                condition=Q(before__gte=1, before__lte=5, after__gte=1, after__lte=5), name="score_one_to_five"
            ),
        ]

    def __str__(self):
        return f"{self.topic_id}: {self.before} → {self.after}"
