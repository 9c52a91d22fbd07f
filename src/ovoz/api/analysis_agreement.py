"""Double-coding rounds and inter-coder agreement in the JSON API.

Mounted with ``api.add_router("/analysis/agreement", "ovoz.api.analysis_agreement.router")``. Rounds are read
through ``ovoz.analysis.access`` (sources one may analyse), so anyone else, and everyone once a participant
withdraws consent, gets 404. The agreement and the disagreements answer 409 until both coders have finished:
before that they would show each coder the other's codings.
"""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.analysis.access import double_codings_visible_to, get_analysable_source_for_user, get_double_coding_for_user
from ovoz.analysis.services.agreement import (
    double_coding_cancel,
    double_coding_finish,
    double_coding_reconcile,
    double_coding_start,
    eligible_coders,
    round_disagreements,
)
from ovoz.analysis.views.agreement_compare import round_agreement
from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut

router = Router(tags=["analysis"])
ERRORS = {401: ErrorOut, 404: ErrorOut}
NOT_YET = "The comparison opens when both coders have finished."


class RoundOut(Schema):
    id: int
    source_id: int
    partnership_id: int
    coder_a_id: int
    coder_b_id: int
    finished_a_at: datetime.datetime | None
    finished_b_at: datetime.datetime | None
    status: str = Field(description="coding, comparing (both finished) or reconciled")
    reconciled_at: datetime.datetime | None
    note: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_partnership_id(obj) -> int:
        return obj.source.partnership_id


class RoundIn(Schema):
    source_id: int
    coder_a_id: int
    coder_b_id: int
    note: str = ""


class StatsOut(Schema):
    units: int
    both: int = Field(description="Units both coders applied the code to")
    only_a: int
    only_b: int
    neither: int
    percent_agreement: float | None
    expected_agreement: float | None = Field(description="Chance agreement p_e used by Cohen's kappa (0 to 1)")
    cohen_kappa: float | None = Field(description="null when undefined (chance agreement is 1)")
    krippendorff_alpha: float | None = Field(description="Nominal, two coders; null when undefined")


class CodeAgreementOut(Schema):
    code_id: int | None = Field(description="null for the pooled row over all codes")
    characters: StatsOut
    segments: StatsOut


class AgreementOut(Schema):
    round_id: int
    transcript_length: int
    units: str
    codes: list[CodeAgreementOut]
    pooled: CodeAgreementOut


class DisagreementOut(Schema):
    key: str = Field(description="Use as the key of a decision when reconciling")
    code_id: int
    start: int = Field(description="Offset in code points, inclusive")
    end: int = Field(description="Offset in code points, exclusive")
    applied_by: int = Field(description="The coder who applied the code; the other did not")
    text: str
    other_codes: list[int] = Field(description="Codes the other coder applied on or across this stretch")


class ReconcileIn(Schema):
    decisions: dict[str, str] = Field(description='Every disagreement\'s key mapped to "keep" or "drop"')


class ReconcileOut(Schema):
    codings_created: int
    round: RoundOut


UNITS = ("characters: every code point of the transcript (spaces included); segments: per code, the pieces "
         "between every start and end of either coder's stretches of that code, whitespace-only pieces left out; "
         "pooled: the per-code tables added up")


def _f(value):
    return None if value is None else float(value)


def _stats(s) -> dict:
    f = _f
    return {"units": s.units, "both": s.both, "only_a": s.only_a, "only_b": s.only_b, "neither": s.neither,
            "percent_agreement": f(s.percent), "expected_agreement": f(s.expected), "cohen_kappa": f(s.kappa),
            "krippendorff_alpha": f(s.alpha)}


def _row(r) -> dict:
    return {"code_id": r.code_id, "characters": _stats(r.characters), "segments": _stats(r.segments)}


@router.get("/rounds", response={200: list[RoundOut], 400: ErrorOut, 401: ErrorOut},
            operation_id="agreement_rounds", summary="List double-coding rounds")
@paginate(Page)
def round_list(request, partnership_id: int | None = Query(None), status: str | None = Query(None),
               source_id: int | None = Query(None)):
    qs = double_codings_visible_to(request.auth).defer("source__transcript")
    if partnership_id is not None:
        qs = qs.filter(source__partnership_id=partnership_id)
    if source_id is not None:
        qs = qs.filter(source_id=source_id)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-created_at", "-pk")


@router.post("/rounds", response={201: RoundOut, 400: ErrorOut, **ERRORS}, operation_id="agreement_round_start",
             summary="Start a double-coding round")
def round_start(request, payload: RoundIn):
    """Both coders must be the mentor or researchers of the source's partnership, and different."""
    actor = request.auth
    source = get_analysable_source_for_user(actor, payload.source_id, write=True)
    coders = {u.pk: u for u in eligible_coders(source.partnership).filter(pk__in=[payload.coder_a_id,
                                                                                   payload.coder_b_id])}
    round_ = double_coding_start(actor=actor, source=source, coder_a=coders.get(payload.coder_a_id),
                                 coder_b=coders.get(payload.coder_b_id), note=payload.note)
    return Status(201, get_double_coding_for_user(actor, round_.pk))


@router.get("/rounds/{int:round_id}", response={200: RoundOut, **ERRORS}, operation_id="agreement_round",
            summary="One round and who has finished")
def round_detail(request, round_id: int):
    return get_double_coding_for_user(request.auth, round_id)


@router.post("/rounds/{int:round_id}/finish", response={200: RoundOut, 400: ErrorOut, **ERRORS},
             operation_id="agreement_round_finish", summary="Say I have finished coding in a round")
def round_finish(request, round_id: int):
    round_ = get_double_coding_for_user(request.auth, round_id)
    if not round_.is_coder(request.auth):
        raise Http404
    double_coding_finish(actor=request.auth, double_coding=round_)
    return get_double_coding_for_user(request.auth, round_id)


@router.get("/rounds/{int:round_id}/agreement", response={200: AgreementOut, 409: ErrorOut, **ERRORS},
            operation_id="agreement_round_results", summary="Agreement per code: percentage, kappa, alpha")
def round_results(request, round_id: int):
    round_ = get_double_coding_for_user(request.auth, round_id)
    if not round_.both_finished:
        return Status(409, {"detail": NOT_YET})
    rows, pooled, length = round_agreement(round_)
    return {"round_id": round_.pk, "transcript_length": length, "units": UNITS,
            "codes": [_row(r) for r in rows], "pooled": _row(pooled)}


@router.get("/rounds/{int:round_id}/disagreements", response={200: list[DisagreementOut], 409: ErrorOut, **ERRORS},
            operation_id="agreement_round_disagreements", summary="Stretches one coder coded and the other did not")
def round_disagreement_list(request, round_id: int):
    round_ = get_double_coding_for_user(request.auth, round_id)
    if not round_.both_finished:
        return Status(409, {"detail": NOT_YET})
    by = {"a": round_.coder_a_id, "b": round_.coder_b_id}
    return [{"key": d.key, "code_id": d.code_id, "start": d.start, "end": d.end, "applied_by": by[d.coder],
             "text": d.text, "other_codes": d.other_codes} for d in round_disagreements(round_)]


@router.post("/rounds/{int:round_id}/reconcile", response={200: ReconcileOut, 400: ErrorOut, 409: ErrorOut, **ERRORS},
             operation_id="agreement_round_reconcile", summary="Reconcile a round into ordinary codings")
def round_reconcile(request, round_id: int, payload: ReconcileIn):
    round_ = get_double_coding_for_user(request.auth, round_id, write=True)
    if not round_.both_finished:
        return Status(409, {"detail": NOT_YET})
    made = double_coding_reconcile(actor=request.auth, double_coding=round_, decisions=payload.decisions)
    return {"codings_created": made, "round": get_double_coding_for_user(request.auth, round_id)}


@router.delete("/rounds/{int:round_id}", response={204: None, 400: ErrorOut, **ERRORS},
               operation_id="agreement_round_cancel", summary="Cancel a round that is not reconciled")
def round_cancel(request, round_id: int):
    round_ = get_double_coding_for_user(request.auth, round_id, write=True)
    double_coding_cancel(actor=request.auth, double_coding=round_)
    return Status(204, None)


