"""Code suggestions in the JSON API, mounted at /api/v1/analysis/suggestions/.

``/runs`` lists the classifier trainings she may see, with their held-out measures, and trains a new one;
``/sources/{id}`` lists a source's suggestions (with the sentence) and ``/sources/{id}/run`` makes them;
``/{id}/accept`` and ``/{id}/reject`` decide one. Same access rules and services as the pages: only sources
whose participants allow analysis, only for those who code them; everything else answers 404.
"""

import datetime

from django.db.models import F
from django.db.models.functions import Substr
from django.http import Http404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from ovoz.analysis.access import get_analysable_source_for_user
from ovoz.analysis.models import Suggestion
from ovoz.analysis.services import suggestions as service
from ovoz.analysis.suggest import access
from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.programmes.access import get_partnership_for_user, get_programme_for_user

router = Router(tags=["analysis"])
ERRORS = {401: ErrorOut, 404: ErrorOut}


class RunOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None = Field(description="Empty for the programme's classifier")
    trained_at: datetime.datetime
    trained_by: str | None
    examples: int = Field(description="Sentences it learnt from")
    has_model: bool = Field(description="False once a newer training replaced its model")
    metrics: dict = Field(description="Held-out measures by source: model and baseline precision, recall, F1, "
                                      "per code (keys are code ids), support, threshold, folds")

    @staticmethod
    def resolve_trained_by(obj):
        return obj.trained_by.username if obj.trained_by_id else None

    @staticmethod
    def resolve_has_model(obj):
        return bool(obj.model_file)


class TrainIn(Schema):
    programme_id: int
    partnership_id: int | None = None


class SuggestionOut(Schema):
    id: int
    source_id: int
    code_id: int
    code: str
    start: int = Field(description="Code point offset into the transcript")
    end: int = Field(description="Code point offset, exclusive")
    text: str
    confidence: float
    status: str = Field(description="pending, accepted or rejected")
    coding_id: int | None

    @staticmethod
    def resolve_code(obj):
        return obj.code.name()



def _with_text(qs):
    """The sentence cut out by the database (code points, as the offsets), not a transcript copy per row."""
    return qs.select_related("code").annotate(
        text=Substr("source__transcript", F("start") + 1, F("end") - F("start")))


@router.get("/runs", response={200: list[RunOut], 400: ErrorOut, 401: ErrorOut}, operation_id="suggestion_runs",
            summary="List classifier trainings")
@paginate(Page)
def run_list(request, programme_id: int | None = Query(None), partnership_id: int | None = Query(None)):
    """Newest first: her partnerships' trainings, and the programme's for its coordinators."""
    qs = access.classifier_runs_visible_to(request.auth)
    if programme_id is not None:
        qs = qs.filter(programme_id=programme_id)
    if partnership_id is not None:
        qs = qs.filter(partnership_id=partnership_id)
    return qs.order_by("-trained_at", "-pk")


@router.post("/runs", response={201: RunOut, 400: ErrorOut, **ERRORS}, operation_id="suggestion_train",
             summary="Train the classifier now")
def run_create(request, payload: TrainIn):
    """Measures on held-out sources, then trains on every coded sentence she may see; answers when done."""
    user = request.auth
    if payload.partnership_id is not None:
        partnership = get_partnership_for_user(user, payload.partnership_id)
        programme = partnership.programme
        if programme.pk != payload.programme_id:
            raise Http404
    else:
        partnership, programme = None, get_programme_for_user(user, payload.programme_id)
    if not access.can_train(user, programme, partnership):
        raise Http404
    return Status(201, service.suggestions_train(actor=user, programme=programme, partnership=partnership))


@router.get("/sources/{int:source_id}", response={200: list[SuggestionOut], 400: ErrorOut, **ERRORS},
            operation_id="source_suggestions", summary="A source's suggestions")
@paginate(Page)
def source_suggestions(request, source_id: int, status: str | None = Query(None, description="pending, accepted "
                                                                                               "or rejected")):
    source = get_analysable_source_for_user(request.auth, source_id, write=True)
    qs = access.suggestions_visible_to(request.auth).filter(source=source)
    if status:
        qs = qs.filter(status=status)
    return _with_text(qs).order_by("start", "-confidence", "pk")


@router.post("/sources/{int:source_id}/run", response={200: list[SuggestionOut], 400: ErrorOut, **ERRORS},
             operation_id="source_suggest", summary="Suggest codes on a source")
def source_run(request, source_id: int):
    """Replaces the source's pending suggestions with new ones for its uncoded sentences."""
    source = get_analysable_source_for_user(request.auth, source_id, write=True)
    service.suggestions_run(actor=request.auth, source=source)
    return _with_text(access.suggestions_visible_to(request.auth).filter(
        source=source, status=Suggestion.Status.PENDING)).order_by("start", "-confidence", "pk")


@router.post("/{int:suggestion_id}/accept", response={200: SuggestionOut, 400: ErrorOut, **ERRORS},
             operation_id="suggestion_accept", summary="Accept a suggestion (codes the sentence)")
def accept(request, suggestion_id: int):
    suggestion = access.get_suggestion_for_user(request.auth, suggestion_id)
    service.suggestion_accept(actor=request.auth, suggestion=suggestion)
    return _with_text(access.suggestions_visible_to(request.auth)).get(pk=suggestion.pk)


@router.post("/{int:suggestion_id}/reject", response={200: SuggestionOut, 400: ErrorOut, **ERRORS},
             operation_id="suggestion_reject", summary="Reject a suggestion")
def reject(request, suggestion_id: int):
    suggestion = access.get_suggestion_for_user(request.auth, suggestion_id)
    service.suggestion_reject(actor=request.auth, suggestion=suggestion)
    return _with_text(access.suggestions_visible_to(request.auth)).get(pk=suggestion.pk)
