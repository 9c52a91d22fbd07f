"""Publications, their sections and blocks (the editable text and the data parts)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ovoz.audit.services import audit_write, audited_update
from ovoz.evidence.services.sources import seal
from ovoz.publishing.models import Block, Publication, Section

# The sections of a briefer, in order (seed 002): context, what women face, their voices, what they did
# together, their demands and recommendations.
DEFAULT_SECTIONS = [
    (Section.Kind.CONTEXT, gettext_lazy("Context")),
    (Section.Kind.WHAT_WOMEN_FACE, gettext_lazy("What women face")),
    (Section.Kind.VOICES, gettext_lazy("Their voices")),
    (Section.Kind.TOGETHER, gettext_lazy("What they did together")),
    (Section.Kind.DEMANDS, gettext_lazy("Their demands and recommendations")),
]
EDITABLE_STATES = {Publication.Status.DRAFT, Publication.Status.IN_REVIEW}
BLOCK_FIELDS = ["order", "finding", "coding", "speaker", "quote_text", "quote_translation", "attribution_fields",
                "show_name", "statistic", "small_cells", "text", "text_local"]


def _unique_slug(title: str) -> str:
    base = slugify(title)[:60] or "publication"
    slug, n = base, 2
    while Publication.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def check_editable(publication: Publication) -> None:
    if publication.status not in EDITABLE_STATES:
        raise ValidationError(_("This publication is approved or published: make a new draft to change it."))


def _touch(publication: Publication) -> None:
    Publication.objects.filter(pk=publication.pk).update(updated_at=timezone.now())


@transaction.atomic
def publication_create(*, actor, programme, title: str, partnership=None, kind=Publication.Kind.BRIEFER,
                       second_language: str = "", slug: str = "", title_local: str = "",
                       is_demonstration: bool = False, with_sections: bool = True) -> Publication:
    if not (title or "").strip():
        raise ValidationError(_("Give the publication a title."))
    if partnership is None and kind != Publication.Kind.SYNTHESIS:
        raise ValidationError(_("A briefer or country report belongs to a partnership."))
    publication = Publication.objects.create(
        programme=programme, partnership=partnership, kind=kind, title=title.strip(), title_local=title_local,
        second_language=second_language, slug=slug or _unique_slug(title), created_by=actor,
        is_demonstration=is_demonstration,
    )
    if with_sections:
        for order, (kind_, label) in enumerate(DEFAULT_SECTIONS):
            Section.objects.create(publication=publication, kind=kind_, order=order, title=str(label))
    audit_write(actor=actor, action="publication.create", obj=publication, programme=programme,
                partnership=partnership, changes={"kind": kind, "slug": publication.slug})
    return publication


@transaction.atomic
def publication_update(*, actor, publication: Publication, **values) -> Publication:
    check_editable(publication)
    audited_update(actor=actor, instance=publication, fields=["title", "title_local", "second_language"],
                   values=values, action="publication.update", programme=publication.programme,
                   partnership=publication.partnership)
    _touch(publication)
    return publication


@transaction.atomic
def section_update(*, actor, section: Section, **values) -> Section:
    check_editable(section.publication)
    before = {k: seal(getattr(section, k)) if k.startswith("body") else getattr(section, k) for k in values}
    for name, value in values.items():
        if name not in ("title", "title_local", "body", "body_local"):
            raise ValueError(f"Not editable: {name}")
        setattr(section, name, value)
    section.save()
    after = {k: seal(getattr(section, k)) if k.startswith("body") else getattr(section, k) for k in values}
    changes = {k: {"old": before[k], "new": after[k]} for k in values if before[k] != after[k]}
    if changes:
        audit_write(actor=actor, action="publication.section", obj=section.publication, changes=changes,
                    programme=section.publication.programme, partnership=section.publication.partnership)
    _touch(section.publication)
    return section


@transaction.atomic
def section_add(*, actor, publication: Publication, title: str, kind=Section.Kind.OTHER) -> Section:
    check_editable(publication)
    order = (publication.sections.aggregate(m=Max("order"))["m"] or 0) + 1
    section = Section.objects.create(publication=publication, kind=kind, title=title, order=order)
    audit_write(actor=actor, action="publication.section_add", obj=publication, changes={"section": section.pk},
                programme=publication.programme, partnership=publication.partnership)
    return section


def _check_block(publication: Publication, values: dict) -> None:
    coding = values.get("coding")
    if coding is not None:
        if coding.source.partnership.programme_id != publication.programme_id or (
            publication.partnership_id and coding.source.partnership_id != publication.partnership_id
        ):
            raise ValidationError(_("A quote can only come from this publication's own evidence."))
        speaker = values.get("speaker")
        if speaker is not None and not coding.source.participants.filter(pk=speaker.pk).exists():
            raise ValidationError(_("The speaker must be one of the source's participants."))
    finding = values.get("finding")
    if finding is not None and finding.programme_id != publication.programme_id:
        raise ValidationError(_("This finding belongs to another programme."))
    if publication.partnership_id and finding is not None and finding.partnership_id not in (
        None, publication.partnership_id,
    ):
        raise ValidationError(_("This finding belongs to another partnership."))


@transaction.atomic
def block_add(*, actor, section: Section, kind: str, **values) -> Block:
    publication = section.publication
    check_editable(publication)
    if kind not in Block.Kind.values:
        raise ValidationError(_("Unknown kind of block."))
    unknown = set(values) - set(BLOCK_FIELDS)
    if unknown:
        raise ValueError(f"Unknown block fields: {sorted(unknown)}")
    _check_block(publication, values)
    if kind == Block.Kind.QUOTE and "attribution_fields" not in values:
        values["attribution_fields"] = ["migrant_status", "age_band", "region_of_origin"]
    values.setdefault("order", (section.blocks.aggregate(m=Max("order"))["m"] or 0) + 1)
    block = Block.objects.create(section=section, kind=kind, **values)
    audit_write(actor=actor, action="publication.block_add", obj=publication, programme=publication.programme,
                partnership=publication.partnership, changes={"block": block.pk, "kind": kind})
    _touch(publication)
    return block


@transaction.atomic
def block_update(*, actor, block: Block, **values) -> Block:
    publication = block.section.publication
    check_editable(publication)
    unknown = set(values) - set(BLOCK_FIELDS)
    if unknown:
        raise ValueError(f"Unknown block fields: {sorted(unknown)}")
    merged = {"coding": block.coding, "speaker": block.speaker, "finding": block.finding, **values}
    _check_block(publication, merged)
    changed = []
    for name, value in values.items():
        if getattr(block, name) != value:
            setattr(block, name, value)
            changed.append(name)
    if changed:
        block.save()
        audit_write(actor=actor, action="publication.block_update", obj=publication, programme=publication.programme,
                    partnership=publication.partnership, changes={"block": block.pk, "fields": changed})
        _touch(publication)
    return block


@transaction.atomic
def block_remove(*, actor, block: Block) -> None:
    publication = block.section.publication
    check_editable(publication)
    audit_write(actor=actor, action="publication.block_remove", obj=publication, programme=publication.programme,
                partnership=publication.partnership, changes={"block": block.pk, "kind": block.kind})
    block.delete()
    _touch(publication)


@transaction.atomic
def synthesis_gather_findings(*, actor, publication: Publication) -> int:
    """The regional synthesis gathers every agreed finding of every partnership not yet in it; return how many."""
    from ovoz.publishing.models import Finding

    if publication.kind != Publication.Kind.SYNTHESIS:
        raise ValidationError(_("Only the regional synthesis gathers the findings of every partnership."))
    check_editable(publication)
    section = (publication.sections.filter(kind=Section.Kind.WHAT_WOMEN_FACE).first()
               or section_add(actor=actor, publication=publication, title=str(DEFAULT_SECTIONS[1][1]),
                              kind=Section.Kind.WHAT_WOMEN_FACE))
    present = set(Block.objects.filter(section__publication=publication, finding__isnull=False)
                  .values_list("finding_id", flat=True))
    findings = (Finding.objects.filter(programme=publication.programme, status=Finding.Status.AGREED)
                .exclude(pk__in=present).order_by("partnership__organisation__name", "created_at"))
    added = 0
    for finding in findings:
        block_add(actor=actor, section=section, kind=Block.Kind.FINDING, finding=finding)
        added += 1
    return added
