from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.TextChoices):
    MIGRANT_STATUS = "migrant_status", _("Migrant status")
    VIOLATION = "violation", _("Type of violation or act")
    PERPETRATOR = "perpetrator", _("Type of perpetrator")
    INTERVENTION = "intervention", _("Type of intervention")
    RIGHT = "right", _("Right and instrument")
    REGION = "region", _("Region of origin")
    WORK_SECTOR = "work_sector", _("Work sector")
    HOUSEHOLD_ROLE = "household_role", _("Household role")


class Term(models.Model):
    """One entry of a controlled vocabulary, named in the five interface languages.

    Vocabularies are data: a coordinator extends them. ``huridocs_code`` keeps the code of the same term
    in the HURIDOCS micro-thesauri, where one exists, so that data can be exchanged with other tools.
    """

    vocabulary = models.CharField(_("vocabulary"), max_length=30, choices=Vocabulary.choices, db_index=True)
    code = models.SlugField(_("code"), max_length=60)
    huridocs_code = models.CharField(_("HURIDOCS code"), max_length=20, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    programme = models.ForeignKey(
        "programmes.Programme", null=True, blank=True, on_delete=models.CASCADE,
        help_text=_("Empty for terms shared by every programme."),
    )
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("For regions: ISO code"))
    label_en = models.CharField("English", max_length=200)
    label_ru = models.CharField("Русский", max_length=200, blank=True)
    label_ky = models.CharField("Кыргызча", max_length=200, blank=True)
    label_uz = models.CharField("Oʻzbekcha", max_length=200, blank=True)
    label_tg = models.CharField("Тоҷикӣ", max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["vocabulary", "order", "label_en"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "code"], name="term_code_unique_per_vocabulary")
        ]

    def __str__(self):
        return self.label()

    def label(self, language: str | None = None) -> str:
        language = (language or translation.get_language() or "en")[:2]
        return getattr(self, f"label_{language}", "") or self.label_en
