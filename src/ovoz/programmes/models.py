from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ovoz.accounts.roles import Role

COUNTRIES = [
    ("KG", _("Kyrgyzstan")),
    ("KZ", _("Kazakhstan")),
    ("TJ", _("Tajikistan")),
    ("UZ", _("Uzbekistan")),
    ("TM", _("Turkmenistan")),
    ("RU", _("Russia")),
    ("TH", _("Thailand")),
]


class Programme(models.Model):
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=80, blank=True)
    lead_organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("lead organisation"), on_delete=models.PROTECT
    )
    focus = models.TextField(_("focus"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    is_fictional = models.BooleanField(_("contains fictional demo data"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="programme_dates")]

    def __str__(self):
        return self.short_title or self.title


class Partnership(models.Model):
    """One organisation in one programme: a country, a research topic and a team."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="partnerships")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="partnerships")
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    research_topic = models.TextField(_("research topic"), blank=True)
    briefer_title = models.CharField(_("briefer title"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "country", "organisation__name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [models.UniqueConstraint(fields=["programme", "organisation"], name="one_partnership_per_org")]

    def __str__(self):
        return f"{self.organisation.name} ({self.get_country_display()})"


class Membership(models.Model):
    """A person's role in a programme (coordinator, viewer) or in one partnership (the others)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "partnership", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=Q(partnership__isnull=True),
                name="one_programme_role_per_user",
            ),
            models.UniqueConstraint(
                fields=["user", "partnership"],
                condition=Q(partnership__isnull=False),
                name="one_partnership_role_per_user",
            ),
            models.CheckConstraint(
                condition=(
                    Q(role__in=["coordinator", "viewer"], partnership__isnull=True)
                    | Q(role__in=["mentor", "researcher", "co_researcher"], partnership__isnull=False)
                ),
                name="role_matches_scope",
            ),
        ]

    def __str__(self):
        where = self.partnership or self.programme
        return f"{self.user.username}: {self.get_role_display()} – {where}"

    @property
    def role_enum(self) -> Role:
        return Role(self.role)
