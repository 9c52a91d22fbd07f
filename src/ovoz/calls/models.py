"""A call for partners, the applications it receives, and the reviews that score them."""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz import keys
from ovoz.fields import EncryptedTextField
from ovoz.programmes.models import COUNTRIES

SCORE_MIN = 0
SCORE_MAX = 5


def organisation_key(name: str) -> str:
    """A keyed fingerprint of an organisation's name, so that one call refuses a second application
    from the same organisation although the name itself is stored encrypted."""
    normal = " ".join("".join(ch for ch in name.casefold() if ch.isalnum() or ch.isspace()).split())
    return hmac.new(keys.derived_key("calls-organisation-name"), normal.encode("utf-8"), hashlib.sha256).hexdigest()


class Call(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")
        ANNOUNCED = "announced", _("Announced")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("about the call"), blank=True)
    eligibility = models.TextField(_("who may apply"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    places_min = models.PositiveSmallIntegerField(_("fewest places"), default=6)
    places_max = models.PositiveSmallIntegerField(_("most places"), default=8)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.DRAFT)
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, through="CallReviewer", related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    announced_at = models.DateTimeField(null=True, blank=True)
    is_fictional = models.BooleanField(_("contains fictional demo data"), default=False)

    class Meta:
        ordering = ["-opens_on", "title"]
        verbose_name = _("call for partners")
        verbose_name_plural = _("calls for partners")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="call_dates"),
            models.CheckConstraint(
                condition=Q(places_min__gte=1, places_max__gte=F("places_min")), name="call_places"
            ),
        ]

    def __str__(self):
        return self.title

    def is_open_on(self, day: datetime.date) -> bool:
        return self.opens_on <= day <= self.closes_on

    @property
    def accepts_applications(self) -> bool:
        """Published, and today is between its opening and closing dates."""
        return self.state == Call.State.PUBLISHED and self.is_open_on(timezone.localdate())

    @property
    def is_announced(self) -> bool:
        return self.state == Call.State.ANNOUNCED


class FocusArea(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="focus_areas")
    name = models.CharField(_("focus area"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["call", "position", "pk"]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    """One thing reviewers score, 0 to 5, counting ``weight`` times in the weighted score."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what reviewers look for"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["call", "position", "pk"]
        constraints = [models.CheckConstraint(condition=Q(weight__gte=1, weight__lte=100), name="criterion_weight")]

    def __str__(self):
        return self.name


class CallReviewer(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="reviewer_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_reviews")
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["call", "assigned_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="one_reviewer_link_per_call")]

    def __str__(self):
        return f"{self.user} – {self.call}"


class English(models.TextChoices):
    NONE = "none", _("None")
    BASIC = "basic", _("Basic")
    WORKING = "working", _("Working knowledge")
    FLUENT = "fluent", _("Fluent")


PROFICIENT = {English.WORKING, English.FLUENT}


class Application(models.Model):
    """An organisation's application. Names, contacts and the birth date are stored encrypted."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    organisation_name = EncryptedTextField(_("organisation"))
    organisation_key = models.CharField(max_length=64, editable=False)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    women_led = models.BooleanField(_("led by women"), default=False)
    migrant_led = models.BooleanField(_("led by migrants"), default=False)
    experience = models.TextField(_("experience in the focus areas"), blank=True)
    focus_areas = models.ManyToManyField(FocusArea, related_name="applications", blank=True)
    contact_email = EncryptedTextField(_("contact e-mail"))
    researcher_name = EncryptedTextField(_("young woman researcher"))
    researcher_email = EncryptedTextField(_("researcher's e-mail"))
    researcher_birth_date = EncryptedTextField(_("researcher's date of birth"))  # ISO date, encrypted
    researcher_from_community = models.BooleanField(_("researcher comes from the community"), default=False)
    researcher_english = models.CharField(_("researcher's English"), max_length=10, choices=English.choices)
    mentor_name = EncryptedTextField(_("mentor"))
    mentor_email = EncryptedTextField(_("mentor's e-mail"))
    mentor_from_community = models.BooleanField(_("mentor comes from the community"), default=False)
    mentor_english = models.CharField(_("mentor's English"), max_length=10, choices=English.choices)
    consent_at = models.DateTimeField(_("consent given at"))
    language = models.CharField(_("language of the form"), max_length=8, default="en")
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    eligible = models.BooleanField(_("eligible"), default=False)
    selected = models.BooleanField(_("selected"), default=False)
    decision_sent_at = models.DateTimeField(null=True, blank=True)
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.SET_NULL, related_name="applications"
    )
    researcher_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mentor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)

    class Meta:
        ordering = ["call", "submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "organisation_key"], name="one_application_per_organisation")
        ]

    def __str__(self):
        return self.organisation_name

    @property
    def researcher_born_on(self) -> datetime.date | None:
        try:
            return datetime.date.fromisoformat(self.researcher_birth_date)
        except (TypeError, ValueError):
            return None

    @property
    def submitted_on(self) -> datetime.date:
        return timezone.localdate(self.submitted_at)


class Review(models.Model):
    """One reviewer's scores for one application; others' scores stay hidden from her until she submits."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(_("overall comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["application", "created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"], name="one_review_per_reviewer")]

    def __str__(self):
        return f"review {self.pk} of application {self.application_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["review", "criterion__position", "criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=Q(value__gte=SCORE_MIN, value__lte=SCORE_MAX), name="score_range"),
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.value}"
