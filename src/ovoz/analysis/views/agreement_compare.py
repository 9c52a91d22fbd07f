"""The comparison of a finished round: agreement per code, the disagreements side by side, reconciliation.

Nothing here opens before both coders have finished: the figures and the stretches would show each coder
the other's codings.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.access import can_code, get_double_coding_for_user
from ovoz.analysis.agreement import compare
from ovoz.analysis.models import Code, DoubleCoding
from ovoz.analysis.services.agreement import (
    DROP,
    KEEP,
    double_coding_reconcile,
    round_codings,
    round_disagreements,
)


def _num(value):
    return None if value is None else float(value)


def stats_dict(stats: compare.Stats) -> dict:
    return {
        "units": stats.units, "both": stats.both, "only_a": stats.only_a, "only_b": stats.only_b,
        "neither": stats.neither, "percent": _num(stats.percent), "kappa": _num(stats.kappa),
        "alpha": _num(stats.alpha), "expected": _num(stats.expected),
    }


def round_agreement(round_: DoubleCoding) -> tuple[list[compare.CodeAgreement], compare.CodeAgreement, int]:
    a, b = round_codings(round_)
    text = round_.source.transcript or ""
    rows, pooled = compare.agreement(text, a, b)
    return rows, pooled, len(text)


def agreement_rows(round_: DoubleCoding, language: str | None = None) -> dict:
    """The agreement table's context: one row per code either coder used, then the pooled row."""
    rows, pooled, length = round_agreement(round_)
    codes = Code.objects.in_bulk([r.code_id for r in rows])
    table = [{"code": codes[r.code_id], "name": codes[r.code_id].name(language),
              "characters": stats_dict(r.characters), "segments": stats_dict(r.segments)} for r in rows]
    table.sort(key=lambda row: row["name"].casefold())
    undefined = any(row[u]["kappa"] is None or row[u]["alpha"] is None for row in table
                    for u in ("characters", "segments"))
    return {"rows": table, "pooled": {"characters": stats_dict(pooled.characters),
                                      "segments": stats_dict(pooled.segments)},
            "transcript_length": length, "any_undefined": undefined}


def _comparable(request, pk: int) -> DoubleCoding:
    round_ = get_double_coding_for_user(request.user, pk)
    if not round_.both_finished:
        raise Http404
    return round_


def _render(request, round_: DoubleCoding, *, chosen=None, error=None, status=200):
    items = round_disagreements(round_)
    codes = Code.objects.in_bulk({d.code_id for d in items} | {c for d in items for c in d.other_codes})
    language = request.LANGUAGE_CODE
    chosen = chosen or {}
    rows = [{
        "key": d.key, "code": codes[d.code_id], "code_name": codes[d.code_id].name(language),
        "start": d.start, "end": d.end, "text": d.text, "coder": d.coder,
        "other_codes": [codes[c].name(language) for c in d.other_codes], "choice": chosen.get(d.key, ""),
    } for d in items]
    can_reconcile = round_.status == DoubleCoding.Status.COMPARING and can_code(request.user, round_.source)
    return render(request, "analysis/agreement_disagreements.html", {
        "round": round_, "rows": rows, "can_reconcile": can_reconcile, "error": error, "KEEP": KEEP, "DROP": DROP,
    }, status=status)


@login_required
def disagreements(request, pk: int):
    return _render(request, _comparable(request, pk))


@login_required
@require_POST
def reconcile(request, pk: int):
    round_ = _comparable(request, pk)
    if not can_code(request.user, round_.source):
        raise Http404
    prefix = "d-"
    decisions = {k[len(prefix):]: v for k, v in request.POST.items() if k.startswith(prefix)}
    try:
        made = double_coding_reconcile(actor=request.user, double_coding=round_, decisions=decisions)
    except ValidationError as exc:
        return _render(request, round_, chosen=decisions, error=" ".join(exc.messages), status=400)
    messages.success(request, _("Reconciled: %(n)s agreed codings were added to the source.") % {"n": made})
    return redirect("analysis:agreement_detail", round_.pk)
