import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

LANGUAGES = ["en", "ru", "ky", "uz", "tg"]


class Code(models.Model):
    """A code of a programme's codebook.

    Codes with no partnership form the programme codebook every partnership shares; a partnership may add
    codes of its own, seen only by its team and the coordinators. Codes are never deleted once used: they
    are merged into another (their codings move) or retired (kept, but not offered for new codings).
    """

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="codes")
    partnership = models.ForeignKey(
        "programmes.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="codes",
        help_text=_("Empty for the programme codebook shared by every partnership."),
    )
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    name_en = models.CharField("English", max_length=200)
    name_ru = models.CharField("Русский", max_length=200, blank=True)
    name_ky = models.CharField("Кыргызча", max_length=200, blank=True)
    name_uz = models.CharField("Oʻzbekcha", max_length=200, blank=True)
    name_tg = models.CharField("Тоҷикӣ", max_length=200, blank=True)
    definition = models.TextField(_("definition"), blank=True)
    inclusion = models.TextField(_("use when"), blank=True)
    exclusion = models.TextField(_("do not use when"), blank=True)
    example = models.TextField(_("example"), blank=True)
    colour = models.CharField(_("colour"), max_length=7, default="#f4c542")
    # Where a seeded code comes from: a focus area ("focus:living-wage") or a violation term ("term:<code>").
    seed_key = models.CharField(max_length=80, blank=True, db_index=True)
    term = models.ForeignKey("evidence.Term", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # REFI-QDA identity, kept across export and import.
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["programme", "order", "name_en"]
        indexes = [models.Index(fields=["programme", "partnership", "retired_at"])]

    def __str__(self):
        return self.name()

    NAME_LANGUAGES = ("en", "ru", "ky", "uz", "tg")

    def name(self, language: str | None = None) -> str:
        language = (language or translation.get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en

    @classmethod
    def name_from(cls, names: tuple[str, ...], language: str | None = None) -> str:
        """``name()`` from the names in ``NAME_LANGUAGES`` order, for code rows read without the model."""
        language = (language or translation.get_language() or "en")[:2]
        i = cls.NAME_LANGUAGES.index(language) if language in cls.NAME_LANGUAGES else 0
        return names[i] or names[0]

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None
