"""Advocacy moments (the calendar) and campaigns with their messages per language, materials and reach."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.advocacy.models.scope import Level, Scoped


class Moment(Scoped):
    """A date worth preparing for: an international day, a parliamentary hearing, a UN session, a budget cycle."""

    class Kind(models.TextChoices):
        INTERNATIONAL_DAY = "international_day", _("International day")
        UN_SESSION = "un_session", _("UN session")
        GOVERNMENT = "government", _("Government or parliament")
        LOCAL = "local", _("Local event")
        MEDIA = "media", _("Media moment")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    level = models.CharField(_("level"), max_length=14, choices=Level.choices, default=Level.NATIONAL)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("advocacy moment")
        verbose_name_plural = _("advocacy moments")
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="moment_dates")]
        indexes = [models.Index(fields=["programme", "starts_on"])]

    def __str__(self):
        return self.title


class Channel(models.TextChoices):
    SOCIAL = "social", _("Social media")
    MESSENGER = "messenger", _("Messenger groups")
    RADIO = "radio", _("Radio")
    TV = "tv", _("Television")
    PRINT = "print", _("Print")
    EVENT = "event", _("Public event")
    MEETING = "meeting", _("Meeting with officials")
    EMAIL = "email", _("E-mail")
    OTHER = "other", _("Other")


class Campaign(Scoped):
    title = models.CharField(_("title"), max_length=200)
    moment = models.ForeignKey(Moment, null=True, blank=True, on_delete=models.SET_NULL, related_name="campaigns",
                               verbose_name=_("advocacy moment"))
    plan = models.ForeignKey("advocacy.AdvocacyPlan", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="campaigns", verbose_name=_("advocacy plan"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    objective = models.TextField(_("objective"), blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="campaign_dates")]

    def __str__(self):
        return self.title

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels.get(c, c)) for c in self.channels]


class Message(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="messages")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    text = models.TextField(_("message"))

    class Meta:
        ordering = ["campaign", "language", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.text[:80]


class CampaignMaterial(models.Model):
    class Kind(models.TextChoices):
        LEAFLET = "leaflet", _("Leaflet")
        POSTER = "poster", _("Poster")
        VIDEO = "video", _("Video")
        CARD = "card", _("Social media card")
        PRESS = "press", _("Press release")
        BRIEFER = "briefer", _("Briefer")
        OTHER = "other", _("Other")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)

    class Meta:
        ordering = ["campaign", "title", "pk"]
        verbose_name = _("campaign material")
        verbose_name_plural = _("campaign materials")

    def __str__(self):
        return self.title


class Reach(models.Model):
    """How many people a channel reached, as recorded on a date (views, listeners, participants)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reach")
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    recorded_on = models.DateField(_("recorded on"), default=timezone.localdate)
    people = models.PositiveIntegerField(_("people reached"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["campaign", "recorded_on", "pk"]
        verbose_name = _("reach")
        verbose_name_plural = _("reach")

    def __str__(self):
        return f"{self.get_channel_display()}: {self.people}"
