"""The shadow-report pack: a draft submission to one mechanism about one country, built as a publication and
passed through the publishing app's disclosure gate before anything is rendered.

The pack is laid out as a Publication with sections and blocks (one section per article the evidence touches),
so that ``ovoz.publishing.document.build_document`` builds it and ``ovoz.publishing.disclosure.gate`` checks it
exactly as it checks a briefer. Those rows exist only inside a savepoint that is rolled back: the pack is
rebuilt from the live evidence every time, and nothing is left behind in the publishing app. What the gate
objects to is taken out (a quote), or made safer (an attribution dropped), and the gate runs again; the pack is
only handed out when the gate finds nothing.
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _

from ovoz.audit.services import audit_write
from ovoz.mechanisms.models import Ratification, Review
from ovoz.mechanisms.pack_evidence import gather, previous_for, unplaced_proposals
from ovoz.publishing.disclosure.gate import blocking, disclosure_check, identifying_values
from ovoz.publishing.document import build_document
from ovoz.publishing.models import Block, Publication, Section
from ovoz.publishing.render import FORMATS, render

ATTRIBUTION = ["migrant_status"]
MAX_ROUNDS = 4


@dataclass
class Pack:
    document: dict
    articles: list
    left_out: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.problems


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT") if day else _("unknown")


def _intro(mechanism, country_label: str, country: str) -> str:
    lines = [_("Draft submission to %(mechanism)s (%(name)s) on %(country)s, built by Ovoz from the programme's "
               "consented evidence. Check every part before submitting it.")
             % {"mechanism": mechanism.short_name, "name": mechanism.name, "country": country_label}]
    for rat in Ratification.objects.filter(instrument__bodies=mechanism, country=country).select_related(
            "instrument"):
        year = f" ({rat.year})" if rat.year else ""
        lines.append(_("%(instrument)s: %(status)s%(year)s. Source: %(source)s, as of %(as_of)s.") % {
            "instrument": rat.instrument.short_name, "status": rat.get_status_display(), "year": year,
            "source": rat.source or _("none recorded"), "as_of": _date(rat.as_of)})
    review = Review.objects.filter(mechanism=mechanism, country=country).exclude(status=Review.Status.HELD).order_by(
        "review_on").first()
    if review:
        lines.append(_("Next review: %(when)s; submissions due %(deadline)s (source: %(source)s, as of %(as_of)s).")
                     % {"when": _date(review.review_on) if review.review_on else review.when_text,
                        "deadline": _date(review.submission_deadline), "source": review.source,
                        "as_of": _date(review.as_of)})
    return "\n\n".join(lines)


def _recommendation_text(rec, *, with_status: bool) -> str:
    parts = [rec.text]
    who = rec.addressee
    if rec.recommending_state:
        who = _("%(addressee)s; recommended by %(state)s") % {"addressee": who, "state": rec.recommending_state}
    parts.append(f"({who})")
    if with_status:
        status = rec.get_status_display()
        if rec.upr_response:
            status = f"{rec.get_upr_response_display()}; {status}"
        since = _(" since %(date)s") % {"date": _date(rec.status_on)} if rec.status_on else ""
        ref = f"{rec.reference}, " if rec.reference else ""
        parts.append(_("[%(ref)s%(year)s — status: %(status)s%(since)s]") % {
            "ref": ref, "year": rec.issued_on.year if rec.issued_on else "", "status": status, "since": since})
    return " ".join(p for p in parts if p)


def _lay_out(publication, evidence, previous, unplaced, intro: str) -> dict[int, dict]:
    """Sections and blocks in the publication; returns {block id: statistic table} for the statistic blocks."""
    tables: dict[int, dict] = {}
    order = 0

    def section(title, body="", kind=Section.Kind.OTHER):
        nonlocal order
        order += 1
        return Section.objects.create(publication=publication, kind=kind, order=order, title=title, body=body)

    section(_("About this submission"), intro, Section.Kind.CONTEXT)
    for ev in evidence:
        if not ev.touched:
            continue
        s = section(f"{ev.article.instrument.short_name}, art. {ev.article.number}: {ev.article.title}")
        n = 0
        for finding in ev.findings:
            n += 1
            Block.objects.create(section=s, kind=Block.Kind.FINDING, order=n, finding=finding)
        for coding in ev.codings:
            n += 1
            Block.objects.create(section=s, kind=Block.Kind.QUOTE, order=n, coding=coding,
                                 attribution_fields=list(ATTRIBUTION))
        for caption, built in ((_("Participants whose testimony concerns this article, by migrant status"),
                                ev.coded_table),
                               (_("Participants who suffered violations engaging this article, by type"),
                                ev.violation_table)):
            if built and built["total"]:
                n += 1
                block = Block.objects.create(section=s, kind=Block.Kind.STATISTIC, order=n, text=caption,
                                             small_cells=Block.SmallCells.SUPPRESS)
                tables[block.pk] = built
        for rec in ev.proposals:
            n += 1
            Block.objects.create(section=s, kind=Block.Kind.RECOMMENDATION, order=n,
                                 text=_recommendation_text(rec, with_status=False))
    if unplaced:
        s = section(_("Further recommendations of the partners"), kind=Section.Kind.DEMANDS)
        for n, rec in enumerate(unplaced, start=1):
            Block.objects.create(section=s, kind=Block.Kind.RECOMMENDATION, order=n,
                                 text=_recommendation_text(rec, with_status=False))
    if previous:
        s = section(_("Previous recommendations to the State on these topics and their status"))
        for n, rec in enumerate(previous, start=1):
            Block.objects.create(section=s, kind=Block.Kind.RECOMMENDATION, order=n,
                                 text=_recommendation_text(rec, with_status=True))
    return tables


def _build(publication, tables: dict, language: str) -> dict:
    document = build_document(publication, language)
    for section in document["sections"]:
        for block in section["blocks"]:
            if block["id"] in tables:
                block["table"], block["participants"] = tables[block["id"]], []
    return document


def _fix(publication, document: dict, problems, left_out: list[str]) -> bool:
    """Take out or soften what the gate objects to; False when nothing more can be done."""
    changed = False
    for problem in problems:
        block = Block.objects.filter(pk=problem.block_id, section__publication=publication).first()
        if problem.rule == "k_anonymity" and block and block.attribution_fields:
            block.attribution_fields = []
            block.save(update_fields=["attribution_fields"])
            left_out.append(_("An attribution was left off a quote: it fitted too few participants."))
            changed = True
        elif block is not None:
            block.delete()
            left_out.append(_("A %(kind)s was left out: %(reason)s") % {"kind": block.get_kind_display().lower(),
                                                                      "reason": problem.message})
            changed = True
    identifying = [p for p in problems if p.rule == "identifying"]
    if identifying:
        values = [v.casefold() for _what, v in identifying_values(publication)]
        for section in document["sections"]:
            for built in section["blocks"]:
                text = " ".join(str(built.get(k) or "") for k in ("text", "translation", "attribution")).casefold()
                if any(v in text for v in values):
                    Block.objects.filter(pk=built["id"]).delete()
                    left_out.append(_("A passage was left out: it contained an identifying value."))
                    changed = True
    return changed


def build_pack(*, user, programme, country: str, mechanism, partnerships, language: str = "en") -> Pack:
    """The pack for ``country`` and ``mechanism`` from the evidence of ``partnerships`` that ``user`` may use."""
    partnerships = list(partnerships)
    if not partnerships:
        raise ValidationError(_("There is no partnership in that country whose evidence you may use."))
    with translation.override(language):
        country_label = str(dict(Review._meta.get_field("country").choices).get(country, country))
        evidence = gather(user, programme, country, mechanism, partnerships, language)
        articles = [ev.article for ev in evidence if ev.touched]
        previous = list(previous_for(user, programme, country, mechanism, [ev.article for ev in evidence]))
        unplaced = unplaced_proposals(user, programme, country, partnerships)
        title = _("Draft submission to %(mechanism)s: %(country)s") % {"mechanism": mechanism.short_name,
                                                                         "country": country_label}
        left_out: list[str] = []
        # The savepoint is rolled back below: these rows are the gate's working copy, never kept.
        with transaction.atomic():
            publication = Publication.objects.create(
                programme=programme, partnership=partnerships[0] if len(partnerships) == 1 else None,
                kind=Publication.Kind.REPORT, slug=f"pack-{uuid.uuid4().hex}", title=title,
                is_demonstration=programme.is_fictional)
            tables = _lay_out(publication, evidence, previous, unplaced, _intro(mechanism, country_label, country))
            for _round in range(MAX_ROUNDS):
                document = _build(publication, tables, language)
                problems = blocking(disclosure_check(publication, {language: document}))
                if not problems or not _fix(publication, document, problems, left_out):
                    break
            transaction.set_rollback(True)
        document["country"] = country_label
        document["kind"] = "shadow_report"
        document["organisation"] = (partnerships[0].organisation.name if len(partnerships) == 1
                                    else programme.lead_organisation.name)
    return Pack(document=document, articles=articles, left_out=left_out, problems=problems)


def pack_render(*, actor, programme, pack: Pack, fmt: str, country: str, mechanism) -> bytes:
    """The pack's bytes (DOCX or PDF); refused while the gate still finds a problem. Audited: it shows testimony."""
    if fmt not in ("docx", "pdf", "html") or fmt not in FORMATS:
        raise ValidationError(_("Unknown format: %(fmt)s") % {"fmt": fmt})
    if not pack.ready:
        raise ValidationError(_("The disclosure check still finds problems: the pack cannot be downloaded."))
    data = render(pack.document, fmt)
    audit_write(actor=actor, action="pack.render", obj=mechanism, programme=programme,
                changes={"country": country, "format": fmt, "articles": [str(a) for a in pack.articles],
                         "participants": len(pack.document.get("participants", []))})
    return data
