"""The disclosure gate: what stops a publication (or an export for outside use) from harming a participant.

Four rules, each checked on the built document, i.e. on exactly what would be printed:

* ``quote_consent``: every quote's participants allow anonymous quotes (and attribution by name where a name
  is shown);
* ``small_cells``: no statistic shows a count below the threshold (5 by default): suppress or merge them;
* ``k_anonymity``: the attributes in an attribution match at least k participants (5 by default) in the data
  the publication draws on, so that no attribution singles a woman out;
* ``identifying``: no identifying value (a participant's name or contacts, an employer's name) appears.

Publication is blocked until every problem is fixed, or overridden by a coordinator with a written reason.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from ovoz.evidence.models import LabourClaim, Participant
from ovoz.publishing.document import build_document, languages_of
from ovoz.publishing.models import Block, Publication
from ovoz.publishing.statistics import attribute_label, scope_participants

RULES = ["quote_consent", "small_cells", "k_anonymity", "identifying"]


def k_threshold() -> int:
    return getattr(settings, "OVOZ_DISCLOSURE_K", 5)


@dataclass
class Problem:
    rule: str
    key: str
    message: str
    block_id: int | None = None
    section_id: int | None = None
    participants: list[int] = field(default_factory=list)
    overridden_by: str = ""
    override_reason: str = ""

    @property
    def is_overridden(self) -> bool:
        return bool(self.override_reason)


def _quote_consent(block: Block, built: dict, people: list[Participant]) -> list[Problem]:
    problems = []
    refusing = [p.code for p in people if not p.consent_quotes]
    if refusing:
        problems.append(Problem(
            "quote_consent", f"block:{block.pk}",
            _("A quote comes from %(codes)s, who did not allow anonymous quotes in publications.")
            % {"codes": ", ".join(refusing)}, block.pk, block.section_id, [p.pk for p in people]))
    if block.show_name:
        no_name = [p.code for p in people if not p.consent_attribution]
        if no_name:
            problems.append(Problem(
                "quote_consent", f"block:{block.pk}:name",
                _("A quote names %(codes)s, who did not allow attribution by name.") % {"codes": ", ".join(no_name)},
                block.pk, block.section_id, [p.pk for p in people]))
    if not people and block.coding_id is None:
        problems.append(Problem("quote_consent", f"block:{block.pk}:source",
                                _("A quote is not linked to a coded segment, so its consent cannot be checked."),
                                block.pk, block.section_id))
    return problems


def _k_anonymity(block: Block, people: list[Participant], population: list[Participant], language: str):
    """The attributes actually printed (empty ones are left out of the attribution) must fit k participants."""
    if len(people) != 1:
        return []
    person = people[0]
    fields = [f for f in (block.attribution_fields or []) if f and attribute_label(person, f, language)]
    if not fields:
        return []
    wanted = tuple(attribute_label(person, f, language) for f in fields)
    same = sum(1 for other in population if tuple(attribute_label(other, f, language) for f in fields) == wanted)
    k = k_threshold()
    if same < k:
        return [Problem(
            "k_anonymity", f"block:{block.pk}",
            _("The attribution “%(attribution)s” fits only %(n)s participant(s) in the data (at least %(k)s "
              "needed): remove an attribute.") % {"attribution": ", ".join(wanted), "n": same, "k": k},
            block.pk, block.section_id, [person.pk])]
    return []


def _small_cells(block: Block, built: dict) -> list[Problem]:
    table = built.get("table") or {}
    shown_small = [row[0] for row in table.get("rows", []) if row[1] is not None and 0 < row[1] < table["threshold"]]
    if shown_small:
        return [Problem(
            "small_cells", f"block:{block.pk}",
            _("A table shows counts below %(n)s (%(labels)s): suppress or merge the small cells.")
            % {"n": table["threshold"], "labels": ", ".join(shown_small)}, block.pk, block.section_id)]
    return []


def _texts(document: dict):
    yield document.get("title", "")
    for section in document["sections"]:
        yield section.get("title", "")
        yield section.get("body", "")
        for block in section["blocks"]:
            for key in ("text", "translation", "attribution"):
                yield block.get(key) or ""
            for row in (block.get("table") or {}).get("rows", []):
                yield str(row[0])


def identifying_values(publication: Publication) -> list[tuple[str, str]]:
    """(what, value) for every identifying field in the publication's scope (decrypted only here)."""
    values = []
    for person in scope_participants(publication).only("code", "name", "contacts"):
        for what, value in ((_("name of %(code)s") % {"code": person.code}, person.name),
                            (_("contacts of %(code)s") % {"code": person.code}, person.contacts)):
            for part in re.split(r"[\n;,]+", value or ""):
                if len(part.strip()) >= 4:
                    values.append((what, part.strip()))
    claims = LabourClaim.objects.filter(incident__partnership__programme_id=publication.programme_id)
    if publication.partnership_id:
        claims = claims.filter(incident__partnership_id=publication.partnership_id)
    for claim in claims.only("employer_name", "incident_id"):
        if len((claim.employer_name or "").strip()) >= 4:
            values.append((_("an employer's name"), claim.employer_name.strip()))
    return values


def _identifying(document: dict, values: list[tuple[str, str]], allowed_names: set[str]) -> list[Problem]:
    text = "\n".join(_texts(document)).casefold()
    problems = []
    for what, value in values:
        if value in allowed_names:
            continue
        if value.casefold() in text:
            problems.append(Problem("identifying", f"{document['language']}:{what}",
                                    _("The text contains an identifying value: %(what)s.") % {"what": what}))
    return problems


def disclosure_check(publication: Publication, documents: dict | None = None) -> list[Problem]:
    """Every problem in every language of the publication, with any coordinator's override attached."""
    documents = documents or {lang: build_document(publication, lang) for lang in languages_of(publication)}
    blocks = {b.pk: b for b in Block.objects.filter(section__publication=publication).select_related(
        "coding__source", "speaker")}
    population = list(scope_participants(publication).select_related(
        "migrant_status", "region_of_origin", "work_sector", "household_role", "partnership__organisation"))
    by_pk = {p.pk: p for p in population}
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    values = identifying_values(publication)
    for language, document in documents.items():
        named: set[str] = set()
        for section in document["sections"]:
            for built in section["blocks"]:
                block = blocks.get(built["id"])
                if block is None:
                    continue
                people = [by_pk[pk] for pk in built.get("participants", []) if pk in by_pk]
                found = []
                if block.kind == Block.Kind.QUOTE:
                    found += _quote_consent(block, built, people)
                    found += _k_anonymity(block, people, population, language)
                    if block.show_name and all(p.consent_attribution for p in people):
                        named.update(p.name for p in people if p.name)
                elif block.kind in (Block.Kind.STATISTIC, Block.Kind.CHART):
                    found += _small_cells(block, built)
                for problem in found:
                    if (problem.rule, problem.key) not in seen:
                        seen.add((problem.rule, problem.key))
                        problems.append(problem)
        for problem in _identifying(document, values, named):
            if (problem.rule, problem.key) not in seen:
                seen.add((problem.rule, problem.key))
                problems.append(problem)
    overrides = {(o.rule, o.key): o for o in publication.overrides.select_related("decided_by")}
    for problem in problems:
        override = overrides.get((problem.rule, problem.key))
        if override:
            problem.override_reason = override.reason
            problem.overridden_by = str(override.decided_by or "")
    return problems


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_overridden]
