"""Building a publication into a document: plain data (texts, quotes with attributions, tables, charts).

The same document feeds the HTML, PDF and DOCX renderers and the disclosure gate, so what is checked is
exactly what is printed. Data parts are computed from the evidence at build time; published versions keep
the built document frozen.
"""

from django.utils import translation

from ovoz.analysis.models import Coding
from ovoz.publishing.models import Block, Publication
from ovoz.publishing.statistics import attribute_label, compute
from ovoz.publishing.strength import strengths

DEFAULT_ATTRIBUTION = ["migrant_status", "age_band", "region_of_origin"]


def quote_participants(block: Block) -> list:
    """Who a quote speaks for: its speaker, or every participant of its source when no speaker is named."""
    if block.speaker_id:
        return [block.speaker]
    if block.coding_id:
        return list(block.coding.source.participants.select_related(
            "migrant_status", "region_of_origin", "work_sector", "household_role", "partnership__organisation"))
    return []


def attribution(block: Block, people: list, language: str) -> str:
    if len(people) != 1:
        return ""
    person = people[0]
    parts = [attribute_label(person, name, language) for name in (block.attribution_fields or [])]
    parts = [p for p in parts if p]
    if block.show_name and person.name:
        parts.insert(0, person.name)
    return ", ".join(parts)


def quote_text(block: Block) -> str:
    if block.quote_text:
        return block.quote_text
    if block.coding_id:
        return block.coding.text()
    return ""


def _block(block: Block, publication: Publication, language: str, second: bool, found: dict) -> dict:
    out = {"id": block.pk, "kind": block.kind}
    if block.kind == Block.Kind.QUOTE:
        people = quote_participants(block)
        out.update({
            "text": quote_text(block),
            "translation": block.quote_translation,
            "attribution": attribution(block, people, language),
            "participants": [p.pk for p in people],
            "source": block.coding.source_id if block.coding_id else None,
        })
    elif block.kind == Block.Kind.FINDING:
        finding = block.finding
        text = (finding.statement_local if second and finding and finding.statement_local else
                finding.statement if finding else "")
        strength = found.get(finding.pk, {}) if finding else {}
        out.update({"text": text, "strength": strength, "participants": strength.get("participant_ids", [])})
    elif block.kind in (Block.Kind.STATISTIC, Block.Kind.CHART):
        table = compute(publication, block.statistic or {}, language, block.small_cells)
        out.update({"table": table, "text": block.text_local if second and block.text_local else block.text,
                    "participants": table["participants"]})
    else:
        out["text"] = block.text_local if second and block.text_local else block.text
        out["participants"] = []
    return out


def build_document(publication: Publication, language: str | None = None) -> dict:
    """The publication in ``language`` (its English text, or the second-language text where written)."""
    language = language or "en"
    second = bool(publication.second_language) and language == publication.second_language
    with translation.override(language):
        sections = []
        blocks = Block.objects.select_related("finding", "coding__source", "speaker__migrant_status",
                                              "speaker__region_of_origin", "speaker__work_sector",
                                              "speaker__household_role", "speaker__partnership__organisation")
        by_section: dict[int, list] = {}
        for block in blocks.filter(section__publication=publication).order_by("section_id", "order", "pk"):
            by_section.setdefault(block.section_id, []).append(block)
        used: set[int] = set()
        # Every finding's strength counted in one go (a synthesis may hold dozens).
        found = strengths([b.finding for blocks_ in by_section.values() for b in blocks_ if b.finding_id])
        for section in publication.sections.all():
            built = [_block(b, publication, language, second, found) for b in by_section.get(section.pk, [])]
            for b in built:
                used.update(b.get("participants", []))
            sections.append({
                "id": section.pk,
                "kind": section.kind,
                "title": section.title_local if second and section.title_local else section.title,
                "body": section.body_local if second and section.body_local else section.body,
                "blocks": built,
            })
        partnership = publication.partnership
        return {
            "slug": publication.slug,
            "kind": publication.kind,
            "language": language,
            "title": publication.title_local if second and publication.title_local else publication.title,
            "organisation": (partnership.organisation if partnership else publication.programme.lead_organisation).name,
            "country": partnership.get_country_display() if partnership else "",
            "programme": publication.programme.title,
            "demonstration": publication.is_demonstration,
            "sections": sections,
            "participants": sorted(used),
        }


def languages_of(publication: Publication) -> list[str]:
    return ["en"] + ([publication.second_language] if publication.second_language not in ("", "en") else [])


def coded_quote_candidates(publication: Publication, code=None):
    """Coded segments a quote may be picked from: the scope's codings, consent to analysis and quotes."""
    qs = Coding.objects.filter(double_coding__isnull=True, source__partnership__programme=publication.programme)
    if publication.partnership_id:
        qs = qs.filter(source__partnership_id=publication.partnership_id)
    if code is not None:
        qs = qs.filter(code=code)
    return qs.exclude(source__participants__consent_analysis=False).exclude(
        source__participants__consent_quotes=False).select_related("source", "code")
