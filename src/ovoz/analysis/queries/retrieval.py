"""Segments for a code or a boolean of codes, with their context and the attributes of their source.

What a query returns, per source, in the source's transcript:

* **any** of the codes (OR): every coded stretch of any of them; a stretch coded with several of them at the
  same offsets is one segment naming all of them;
* **all** of the codes (AND): the stretches where every one of them applies at once — the overlap of their
  codings, cut to where they all overlap (two codes used on the same source but on separate passages give
  nothing);
* **but not** (NOT): a segment is dropped when it overlaps (shares a character with) any coding of the excluded
  codes.

With ``subcodes`` a code stands for itself and every code under it in the codebook. Codings of double-coding
rounds are not counted (the reconciled codings are), and only sources whose participants all allow analysis
are read (``codings_visible_to``).
"""

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator

from ovoz.analysis.access import analysable_sources_visible_to, codes_visible_to, codings_visible_to
from ovoz.analysis.models import Code
from ovoz.analysis.queries.dimensions import ATTRIBUTE_PREFIX, Dimension, restrict_sources
from ovoz.evidence.models import AgeBand, Source
from ovoz.programmes.models import COUNTRIES

ANY, ALL = "any", "all"
DEFAULT_CONTEXT = 200
MAX_CONTEXT = 2000
SPACE = re.compile(r"\s")


@dataclass
class SegmentQuery:
    codes: list[Code]
    mode: str = ANY
    exclude: list[Code] = field(default_factory=list)
    subcodes: bool = False
    context: int = DEFAULT_CONTEXT
    filters: dict[Dimension, str] = field(default_factory=dict)
    attribute_keys: list[str] = field(default_factory=list)  # programme attributes shown with participants

    @property
    def is_empty(self) -> bool:
        return not self.codes


@dataclass
class Segment:
    source_id: int
    start: int
    end: int
    code_ids: tuple[int, ...]
    # Filled in for the segments shown or exported (``hydrate``).
    text: str = ""
    before: str = ""
    after: str = ""
    codes: list = field(default_factory=list)
    source: dict = field(default_factory=dict)
    participants: list = field(default_factory=list)


# --- finding the stretches ------------------------------------------------------------------------------------


def code_tree(user) -> tuple[dict[int, Code], dict[int, list[int]]]:
    """The codes the person sees, by id, and each code's children."""
    codes = {c.pk: c for c in codes_visible_to(user).order_by("order", "name_en", "pk")}
    children: dict[int, list[int]] = defaultdict(list)
    for code in codes.values():
        if code.parent_id:
            children[code.parent_id].append(code.pk)
    return codes, children


def expand(code_id: int, children: dict[int, list[int]]) -> set[int]:
    out, todo = set(), [code_id]
    while todo:
        current = todo.pop()
        if current not in out:
            out.add(current)
            todo.extend(children.get(current, ()))
    return out


def _merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint stretches covering the same characters (touching stretches stay apart)."""
    out: list[list[int]] = []
    for start, end in sorted(intervals):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _overlaps(merged: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) shares a character with any of the disjoint, sorted ``merged`` stretches."""
    i = bisect.bisect_left(starts, end) - 1  # the last stretch starting before ``end`` reaches furthest
    return i >= 0 and merged[i][1] > start


def _codings(user, query: SegmentQuery):
    qs = codings_visible_to(user)
    if query.filters:
        qs = qs.filter(source_id__in=restrict_sources(analysable_sources_visible_to(user), query.filters)
                       .order_by().values("pk"))
    return qs


def find_segments(user, query: SegmentQuery, *, tree=None) -> list[Segment]:
    """Every matching segment, in the order of the sources (newest first) and of the text."""
    if query.is_empty:
        return []
    _codes, children = tree or code_tree(user)
    grow = (lambda pk: expand(pk, children)) if query.subcodes else (lambda pk: {pk})
    groups = [grow(c.pk) for c in query.codes]
    wanted = set().union(*groups)
    base = _codings(user, query)
    rows_qs = base.filter(code_id__in=wanted)
    if query.mode == ALL:
        for group in groups:
            rows_qs = rows_qs.filter(source_id__in=base.filter(code_id__in=group).order_by().values("source_id"))
    rows = list(rows_qs.order_by().values_list("source_id", "start", "end", "code_id"))
    by_source: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for source_id, start, end, code_id in rows:
        by_source[source_id].append((start, end, code_id))

    segments: list[Segment] = []
    for source_id, codings in by_source.items():
        if query.mode == ALL:
            stretches = None
            for group in groups:
                merged = _merge([(s, e) for s, e, c in codings if c in group])
                stretches = merged if stretches is None else _intersect(stretches, merged)
            for start, end in stretches or []:
                ids = sorted({c for s, e, c in codings if s < end and e > start})
                segments.append(Segment(source_id, start, end, tuple(ids)))
        else:
            same: dict[tuple[int, int], set[int]] = defaultdict(set)
            for start, end, code_id in codings:
                same[(start, end)].add(code_id)
            segments += [Segment(source_id, s, e, tuple(sorted(ids))) for (s, e), ids in same.items()]

    if query.exclude and segments:
        excluded = set().union(*(grow(c.pk) for c in query.exclude))
        seen = base.filter(code_id__in=wanted).order_by().values("source_id")
        blocked: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for source_id, start, end in (base.filter(code_id__in=excluded, source_id__in=seen).order_by()
                                      .values_list("source_id", "start", "end")):
            blocked[source_id].append((start, end))
        merged = {sid: _merge(iv) for sid, iv in blocked.items()}
        starts = {sid: [s for s, _e in iv] for sid, iv in merged.items()}
        segments = [seg for seg in segments if seg.source_id not in merged
                    or not _overlaps(merged[seg.source_id], starts[seg.source_id], seg.start, seg.end)]

    if not segments:
        return []
    order = _source_order(user, {seg.source_id for seg in segments}, rows_qs)
    segments.sort(key=lambda seg: (order.get(seg.source_id, len(order)), seg.start, seg.end))
    return segments


def _source_order(user, source_ids: set[int], rows_qs) -> dict[int, int]:
    """Rank of each source in reading order (newest first), read in one query without listing the ids."""
    ids = (analysable_sources_visible_to(user).filter(pk__in=rows_qs.order_by().values("source_id"))
           .order_by("-date", "title", "pk").values_list("pk", flat=True))
    return {pk: rank for rank, pk in enumerate(ids) if pk in source_ids}


# --- what is shown with each segment ----------------------------------------------------------------------


def context_before(text: str, start: int, size: int) -> str:
    """Up to ``size`` characters before ``start``, not beginning in the middle of a word."""
    if size <= 0 or start <= 0:
        return ""
    low = max(0, start - size)
    chunk = text[low:start]
    if low > 0:
        if not text[low - 1].isspace() and (m := SPACE.search(chunk)):
            chunk = chunk[m.end():]
        return "…" + chunk
    return chunk


def context_after(text: str, end: int, size: int) -> str:
    """Up to ``size`` characters after ``end``, not ending in the middle of a word."""
    if size <= 0 or end >= len(text):
        return ""
    high = min(len(text), end + size)
    chunk = text[end:high]
    if high < len(text):
        if not text[high].isspace():
            cut = max(chunk.rfind(" "), chunk.rfind("\n"), chunk.rfind("\t"))
            if cut > 0:
                chunk = chunk[:cut]
        return chunk + "…"
    return chunk


def _participant_info(person, attribute_keys: list[str]) -> dict:
    """What a segment says about a participant: her pseudonym code and attributes, never her identity."""
    ages = dict(AgeBand.choices)
    return {
        "code": person.code,
        "migrant_status": person.migrant_status.label() if person.migrant_status_id else "",
        "age_band": str(ages.get(person.age_band, "")) if person.age_band else "",
        "region": person.region_of_origin.label() if person.region_of_origin_id else "",
        "work_sector": person.work_sector.label() if person.work_sector_id else "",
        "household_role": person.household_role.label() if person.household_role_id else "",
        "attributes": {k: person.attributes[k] for k in attribute_keys if person.attributes.get(k) not in (None, "")},
    }


def hydrate(user, segments: list[Segment], query: SegmentQuery, *, codes: dict[int, Code] | None = None):
    """Fill in text, context, codes, source and participants for these segments, in three queries."""
    if not segments:
        return segments
    if codes is None:
        codes, _children = code_tree(user)
    ids = {seg.source_id for seg in segments}
    # Read again through the access function: a segment is never shown from a source one may not analyse.
    sources = {
        s.pk: s for s in analysable_sources_visible_to(user).filter(pk__in=ids)
        .only("pk", "title", "kind", "date", "language", "transcript", "partnership__country",
              "partnership__organisation__name", "partnership__programme_id")
    }
    people: dict[int, list] = defaultdict(list)
    links = (Source.participants.through.objects.filter(source_id__in=ids)
             .select_related("participant__migrant_status", "participant__region_of_origin",
                             "participant__work_sector", "participant__household_role")
             .defer("participant__name", "participant__contacts")
             .order_by("participant__code"))
    for link in links:
        people[link.source_id].append(_participant_info(link.participant, query.attribute_keys))
    countries = dict(COUNTRIES)
    size = max(0, min(query.context, MAX_CONTEXT))
    kept = []
    for seg in segments:
        source = sources.get(seg.source_id)
        if source is None:
            continue
        text = source.transcript
        seg.text = text[seg.start:seg.end]
        seg.before = context_before(text, seg.start, size)
        seg.after = context_after(text, seg.end, size)
        seg.codes = [codes[c] for c in seg.code_ids if c in codes]
        seg.source = {
            "id": source.pk, "title": source.title, "kind": source.kind, "kind_label": str(source.get_kind_display()),
            "date": source.date, "language": source.language,
            "partnership_id": source.partnership_id, "partnership": source.partnership.organisation.name,
            "country": source.partnership.country,
            "country_label": str(countries.get(source.partnership.country, source.partnership.country)),
        }
        seg.participants = people.get(seg.source_id, [])
        kept.append(seg)
    return kept


@dataclass
class Result:
    segments: list[Segment]
    query: SegmentQuery

    @property
    def count(self) -> int:
        return len(self.segments)

    @property
    def source_count(self) -> int:
        return len({s.source_id for s in self.segments})


def retrieve(user, query: SegmentQuery, *, page: int | str | None = 1, per_page: int = 25):
    """One page of segments, filled in."""
    tree = code_tree(user)
    segments = find_segments(user, query, tree=tree)
    page_obj = Paginator(segments, per_page).get_page(page)
    page_obj.object_list = hydrate(user, list(page_obj.object_list), query, codes=tree[0])
    page_obj.result = Result(segments, query)
    return page_obj


def iter_hydrated(user, query: SegmentQuery, *, chunk: int = 200):
    """Every segment filled in, a chunk of segments at a time (exports of large results stay small in memory)."""
    tree = code_tree(user)
    segments = find_segments(user, query, tree=tree)
    for i in range(0, len(segments), chunk):
        yield from hydrate(user, segments[i:i + chunk], query, codes=tree[0])


def attribute_keys(dimensions: list[Dimension]) -> list[str]:
    return [d.json_key for d in dimensions if d.key.startswith(ATTRIBUTE_PREFIX)]
