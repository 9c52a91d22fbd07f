"""What every coding page needs: the source's codings as the person may see them, filtered, with the codes,
coders and the double-coding round she may be coding in. One query each, whatever the number of codings."""

from collections import Counter

from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from ovoz.accounts.models import User
from ovoz.analysis.access import (
    can_code,
    codes_usable_on,
    codes_visible_to,
    double_codings_visible_to,
    get_analysable_source_for_user,
    get_double_coding_for_user,
)
from ovoz.analysis.coding_spans import with_transcript
from ovoz.analysis.models import Coding, DoubleCoding
from ovoz.analysis.views.coding_render import Span, colour_rules, legend_html, margin_html, transcript_html
from ovoz.evidence.models import Source


def coding_source(user, pk, *, write: bool = False):
    """The source as ``get_analysable_source_for_user`` gives it (access and consent checked first), with its
    transcript read through the cache of transcripts; its other long texts are not read (the coding pages
    do not show them)."""
    return with_transcript(get_analysable_source_for_user(user, pk, write=write, defer=Source.LONG_TEXTS))


def round_from(request, source) -> DoubleCoding | None:
    """The round named by ``?round=`` (or the posted ``round``): only one of its two coders codes in it."""
    value = request.POST.get("round") or request.GET.get("round")
    if not value:
        return None
    round_ = get_double_coding_for_user(request.user, value)
    if round_.source_id != source.pk or not round_.is_coder(request.user):
        raise Http404
    return round_


def round_open_for(round_: DoubleCoding, user) -> bool:
    finished = round_.finished_a_at if user.pk == round_.coder_a_id else round_.finished_b_at
    return round_.status == DoubleCoding.Status.CODING and finished is None


def memo_url(**params) -> str | None:
    """The memo form with the source or coding filled in, or None while memos are not installed."""
    try:
        return f"{reverse('analysis:memo_create')}?{urlencode(params)}"
    except NoReverseMatch:
        return None


def _ints(values) -> list[int]:
    return [int(v) for v in values if str(v).isdigit()]


def code_tree(codes) -> list[tuple[object, int]]:
    """Codes in codebook order, parents before their children, each with its depth."""
    by_parent: dict[int | None, list] = {}
    pks = {c.pk for c in codes}
    for c in codes:
        by_parent.setdefault(c.parent_id if c.parent_id in pks else None, []).append(c)
    out = []

    def walk(parent, depth):
        for c in sorted(by_parent.get(parent, ()), key=lambda c: (c.order, c.name().lower())):
            out.append((c, depth))
            walk(c.pk, depth + 1)

    walk(None, 0)
    return out


def visible_codings(user, source, round_: DoubleCoding | None):
    """The codings shown on the page: the ordinary ones, or in a round only one's own codings of it.

    ``source`` comes from ``get_analysable_source_for_user``, which has just checked the person's access and
    every participant's consent; this is then exactly ``codings_visible_to(user).filter(source=source)``
    without compiling that check again as a subquery (it costs more than the rest of a coding request)."""
    qs = Coding.objects.filter(source=source)
    if round_ is None:
        return qs.filter(double_coding__isnull=True).order_by()
    return qs.filter(double_coding=round_, coder=user).order_by()


def urls_for(source, round_: DoubleCoding | None) -> dict:
    base = {"round": round_.pk} if round_ is not None else {}
    query = f"?{urlencode(base)}" if base else ""
    page_url = reverse("analysis:coding", args=[source.pk])
    return {
        "base": base,
        "query": query,
        "page": page_url,
        # The panel's address with IDS standing for the codings' ids (the margin and the script fill it in).
        "panel": reverse("analysis:coding_panel", args=[source.pk, "IDS"]) + query,
    }


def legend_context(counts: dict[int, int], known: dict, code_filter: set[int], urls: dict, *, total: int,
                   shown: int, filtered: bool) -> dict:
    """The code list with counts (each a link filtering the view by that code) and how many codings show."""
    used = sorted((known[pk] for pk in counts if pk in known), key=lambda c: (-counts[c.pk], c.name().lower()))
    def filter_url(code):
        return f"{urls['page']}?{urlencode({**urls['base'], 'code': code.pk})}"

    used_codes = [(c, counts[c.pk], c.pk in code_filter, filter_url(c)) for c in used]
    return {
        "used_codes": used_codes,
        "legend_html": legend_html(used_codes, total=total, shown=shown, filtered=filtered),
        "total": total,
        "shown": shown,
        "filtered": filtered,
    }


def coding_context(request, source, round_: DoubleCoding | None) -> dict:
    user = request.user
    can_write = can_code(user, source) and (round_ is None or round_open_for(round_, user))
    rows = list(visible_codings(user, source, round_).values_list("pk", "start", "end", "code_id", "coder_id"))

    code_filter = set(_ints(request.GET.getlist("code")))
    coder_filter = set(_ints(request.GET.getlist("coder")))
    shown = [
        Span(pk, start, end, code_id)
        for pk, start, end, code_id, coder_id in rows
        if (not code_filter or code_id in code_filter) and (not coder_filter or coder_id in coder_filter)
    ]
    counts = Counter(r[3] for r in rows)

    usable = list(codes_usable_on(user, source)) if can_write else []
    known = {c.pk: c for c in usable}
    missing = set(counts) - set(known)
    if missing:
        known.update((c.pk, c) for c in codes_visible_to(user).filter(pk__in=missing))
    code_names = {pk: c.name() for pk, c in known.items()}
    coder_ids = {r[4] for r in rows if r[4]}
    coders = sorted(
        ((u.pk, u.display_name) for u in User.objects.filter(pk__in=coder_ids).only("pk", "username", "full_name")),
        key=lambda pair: pair[1].lower(),
    )
    urls = urls_for(source, round_)
    my_rounds = []
    if round_ is None and can_code(user, source):
        my_rounds = [
            r for r in double_codings_visible_to(user).filter(
                Q(coder_a=user) | Q(coder_b=user), source=source, status=DoubleCoding.Status.CODING)
            if round_open_for(r, user)
        ]
    filtered = bool(code_filter or coder_filter)
    return {
        "source": source,
        "round": round_,
        "my_rounds": my_rounds,
        "can_write": can_write,
        "transcript_html": transcript_html(source.transcript or "", shown, lang=source.language or ""),
        "margin_html": margin_html(source.transcript or "", shown, code_names, urls["panel"]),
        "colour_rules": colour_rules(known.values()),
        **legend_context(counts, known, code_filter, urls, total=len(rows), shown=len(shown), filtered=filtered),
        "picker_codes": code_tree(usable),
        "coders": [(pk, name, pk in coder_filter) for pk, name in coders],
        "page_url": urls["page"] + urls["query"],
        "panel_url": urls["panel"],
        "apply_url": reverse("analysis:coding_apply", args=[source.pk]) + urls["query"],
        "round_query": urls["query"],
        "memo_url": memo_url(source=source.pk, next=urls["page"] + urls["query"]),
    }
