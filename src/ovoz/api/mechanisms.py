"""API endpoints for the UN mechanisms registry and recommendations tracking (mounted at /api/v1/mechanisms/):
instruments with ratifications (each with its source and "as of" date), bodies, the review calendar,
recommendations with their append-only status history, and the shadow-report pack after the disclosure gate."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.mechanisms import access
from ovoz.mechanisms.models import COUNTRIES, Ratification, Recommendation
from ovoz.mechanisms.models import Status as RecStatus
from ovoz.mechanisms.pack import build_pack
from ovoz.mechanisms.services import (
    ratification_update,
    recommendation_create,
    recommendation_status_record,
    review_create,
)
from ovoz.programmes.access import get_programme_for_user
from ovoz.publishing.services.rendering import LANGUAGES

router = Router(tags=["mechanisms"])
ERRORS = {401: ErrorOut, 404: ErrorOut}
COUNTRY_CODES = [c for c, _label in COUNTRIES]
DEADLINE_FROM = Query(None, description="Only deadlines on or after this day (YYYY-MM-DD)")


class RatificationOut(Schema):
    id: int
    instrument: str = Field(description="The instrument's short name")
    country: str
    status: str = Field(description=", ".join(Ratification.Status.values))
    year: int | None
    date: datetime.date | None
    verified: bool = Field(description="Checked in UN or ILO documents")
    reference: str
    note: str
    source: str
    as_of: datetime.date | None

    @staticmethod
    def resolve_instrument(obj) -> str:
        return obj.instrument.short_name


class ArticleOut(Schema):
    id: int
    number: str
    title: str


class InstrumentOut(Schema):
    id: int
    code: str
    kind: str
    short_name: str
    name: str
    source: str
    as_of: datetime.date | None
    bodies: list[str]
    articles: list[ArticleOut]
    ratifications: list[RatificationOut]

    @staticmethod
    def resolve_bodies(obj) -> list[str]:
        return [b.code for b in obj.bodies.all()]

    @staticmethod
    def resolve_articles(obj) -> list:
        return list(obj.articles.all())

    @staticmethod
    def resolve_ratifications(obj) -> list:
        return list(obj.ratifications.all())


class MechanismOut(Schema):
    id: int
    code: str
    kind: str
    short_name: str
    name: str
    basis: str
    source: str
    as_of: datetime.date | None


class RatificationIn(Schema):
    status: str = Field(description=", ".join(Ratification.Status.values))
    year: int | None = None
    date: datetime.date | None = None
    verified: bool = False
    reference: str = ""
    note: str = ""
    source: str
    as_of: datetime.date


class ReviewOut(Schema):
    id: int
    mechanism: str
    country: str
    session: str
    review_on: datetime.date | None
    when_text: str
    submission_deadline: datetime.date | None
    status: str
    source: str
    as_of: datetime.date | None
    is_fictional: bool

    @staticmethod
    def resolve_mechanism(obj) -> str:
        return obj.mechanism.code


class ReviewIn(Schema):
    mechanism: str = Field(description="The mechanism's code, e.g. cedaw, cmw, upr")
    country: str
    session: str = ""
    review_on: datetime.date | None = None
    when_text: str = ""
    submission_deadline: datetime.date | None = None
    status: str = "expected"
    source: str
    as_of: datetime.date | None = None
    notes: str = ""


class StatusChangeOut(Schema):
    status: str
    previous_status: str
    observed_on: datetime.date
    evidence: str
    evidence_url: str
    recorded_at: datetime.datetime


class RecommendationOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    origin: str = Field(description=", ".join(Recommendation.Origin.values))
    source_title: str
    reference: str
    mechanism: str | None
    country: str
    issued_on: datetime.date | None
    text: str
    addressee: str
    addressee_kind: str
    theme: str
    sdg_targets: list[str]
    upr_response: str
    recommending_state: str
    status: str = Field(description=", ".join(RecStatus.values))
    status_on: datetime.date | None
    is_fictional: bool

    @staticmethod
    def resolve_mechanism(obj) -> str | None:
        return obj.mechanism.code if obj.mechanism_id else None

    @staticmethod
    def resolve_sdg_targets(obj) -> list[str]:
        return obj.sdg_list()


class RecommendationDetailOut(RecommendationOut):
    articles: list[str]
    finding_ids: list[int]
    activity_ids: list[int]
    history: list[StatusChangeOut]

    @staticmethod
    def resolve_articles(obj) -> list[str]:
        return [str(a) for a in obj.articles.select_related("instrument")]

    @staticmethod
    def resolve_finding_ids(obj) -> list[int]:
        return list(obj.findings.values_list("pk", flat=True))

    @staticmethod
    def resolve_activity_ids(obj) -> list[int]:
        return list(obj.activities.values_list("pk", flat=True))

    @staticmethod
    def resolve_history(obj) -> list:
        return list(obj.history.order_by("observed_on", "pk"))


class RecommendationIn(Schema):
    partnership_id: int | None = None
    origin: str = Field(description=", ".join(Recommendation.Origin.values))
    text: str
    addressee: str
    addressee_kind: str = "government"
    theme: str = ""
    source_title: str = ""
    reference: str = ""
    mechanism: str | None = Field(None, description="A mechanism's code")
    country: str = ""
    issued_on: datetime.date | None = None
    sdg_targets: str = ""
    upr_response: str = ""
    recommending_state: str = ""


class StatusIn(Schema):
    status: str = Field(description=", ".join(RecStatus.values))
    observed_on: datetime.date
    evidence: str
    evidence_url: str = ""


class PackOut(Schema):
    ready: bool = Field(description="False while the disclosure check still finds a problem")
    problems: list[str]
    left_out: list[str] = Field(description="What the disclosure check took out or softened")
    articles: list[str]
    document: dict = Field(description="The built document (sections and blocks) that the DOCX and PDF render")


def _country(value: str) -> str:
    code = (value or "").strip().upper()
    if code not in COUNTRY_CODES:
        raise HttpError(400, f"Unknown country {value!r}; choose one of: {', '.join(COUNTRY_CODES)}.")
    return code


def _mechanism(user, code: str):
    mechanism = access.mechanisms_visible_to(user).filter(code=code).first()
    if mechanism is None:
        raise HttpError(400, f"Unknown mechanism {code!r}.")
    return mechanism


def _member(user):
    if not access.is_member(user):
        raise Http404


@router.get("/instruments", response={200: list[InstrumentOut], 401: ErrorOut, 404: ErrorOut},
            operation_id="mechanisms_instruments", summary="The instruments with their ratifications")
@paginate(Page)
def instruments(request):
    """The core treaties, optional protocols and ILO conventions, each with its articles and ratifications."""
    _member(request.auth)
    return access.instruments_visible_to(request.auth).prefetch_related(
        "bodies", "articles", "ratifications__instrument").order_by("order", "pk")


@router.get("/bodies", response={200: list[MechanismOut], 401: ErrorOut, 404: ErrorOut},
            operation_id="mechanisms_bodies", summary="Treaty bodies, the UPR, the ILO and special procedures")
@paginate(Page)
def bodies(request):
    _member(request.auth)
    return access.mechanisms_visible_to(request.auth).order_by("order", "pk")


@router.get("/ratifications", response={200: list[RatificationOut], 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
            operation_id="mechanisms_ratifications", summary="Ratifications, with source and as-of date")
@paginate(Page)
def ratifications(request, country: str | None = Query(None, description="KZ, KG, TJ or UZ")):
    _member(request.auth)
    qs = access.ratifications_visible_to(request.auth)
    if country:
        qs = qs.filter(country=_country(country))
    return qs.order_by("instrument__order", "country")


@router.put("/ratifications/{int:ratification_id}", response={200: RatificationOut, 400: ErrorOut, **ERRORS},
            operation_id="mechanisms_ratification_update", summary="Record a checked ratification")
def ratification_put(request, ratification_id: int, payload: RatificationIn):
    """Coordinators only. The source and the date the fact was true on are required."""
    ratification = access.get_ratification_for_user(request.auth, ratification_id, write=True)
    return ratification_update(actor=request.auth, ratification=ratification, **payload.dict())


@router.get("/reviews", response={200: list[ReviewOut], 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
            operation_id="mechanisms_reviews", summary="The review calendar")
@paginate(Page)
def reviews(request, country: str | None = Query(None), mechanism: str | None = Query(None),
            deadline_from: datetime.date | None = DEADLINE_FROM):
    _member(request.auth)
    qs = access.reviews_visible_to(request.auth)
    if country:
        qs = qs.filter(country=_country(country))
    if mechanism:
        qs = qs.filter(mechanism=_mechanism(request.auth, mechanism))
    if deadline_from:
        qs = qs.filter(submission_deadline__gte=deadline_from)
    return qs


@router.post("/reviews", response={201: ReviewOut, 400: ErrorOut, **ERRORS},
             operation_id="mechanisms_review_create", summary="Add a review to the calendar")
def review_post(request, payload: ReviewIn):
    """Coordinators only."""
    if not access.can_edit_registry(request.auth):
        raise Http404
    values = payload.dict()
    values["mechanism"] = _mechanism(request.auth, values["mechanism"])
    values["country"] = _country(values["country"])
    if values["as_of"] is None:
        values.pop("as_of")
    return Status(201, review_create(actor=request.auth, **values))


@router.get("/recommendations", response={200: list[RecommendationOut], 400: ErrorOut, **ERRORS},
            operation_id="mechanisms_recommendations", summary="The recommendations tracker")
@paginate(Page)
def recommendations(request, programme_id: int, status: str | None = Query(None), addressee: str | None = Query(None),
                    theme: str | None = Query(None), mechanism: str | None = Query(None)):
    programme = get_programme_for_user(request.auth, programme_id)
    qs = access.recommendations_visible_to(request.auth).filter(programme=programme)
    if status:
        if status not in RecStatus.values:
            raise HttpError(400, f"Unknown status {status!r}; choose one of: {', '.join(RecStatus.values)}.")
        qs = qs.filter(status=status)
    if addressee:
        qs = qs.filter(addressee=addressee)
    if theme:
        qs = qs.filter(theme=theme)
    if mechanism:
        qs = qs.filter(mechanism__code=mechanism)
    return qs.order_by("addressee", "pk")


@router.get("/recommendations/{int:recommendation_id}", response={200: RecommendationDetailOut, **ERRORS},
            operation_id="mechanisms_recommendation", summary="One recommendation with its status history")
def recommendation(request, recommendation_id: int):
    return access.get_recommendation_for_user(request.auth, recommendation_id)


@router.post("/recommendations", response={201: RecommendationDetailOut, 400: ErrorOut, **ERRORS},
             operation_id="mechanisms_recommendation_create", summary="Add a recommendation")
def recommendation_post(request, programme_id: int, payload: RecommendationIn):
    """Coordinators add the programme's and UN bodies' recommendations; a partnership's team its own proposals."""
    programme = get_programme_for_user(request.auth, programme_id)
    values = payload.dict()
    partnership = None
    if values.pop("partnership_id") is not None:
        partnership = access.manageable_partnerships(request.auth, programme).filter(pk=payload.partnership_id).first()
        if partnership is None:
            raise Http404
    if not access.can_manage_recommendations(request.auth, programme.pk, partnership):
        raise Http404
    if values["mechanism"]:
        values["mechanism"] = _mechanism(request.auth, values["mechanism"])
    if values["country"]:
        values["country"] = _country(values["country"])
    return Status(201, recommendation_create(actor=request.auth, programme=programme, partnership=partnership,
                                             **values))


@router.post("/recommendations/{int:recommendation_id}/status", response={201: StatusChangeOut, 400: ErrorOut,
                                                                         **ERRORS},
             operation_id="mechanisms_recommendation_status", summary="Record a change of status")
def recommendation_status(request, recommendation_id: int, payload: StatusIn):
    """Appends to the history (which cannot be changed or deleted) with the evidence of the change."""
    rec = access.get_recommendation_for_user(request.auth, recommendation_id, write=True)
    return Status(201, recommendation_status_record(actor=request.auth, recommendation=rec, **payload.dict()))


@router.get("/pack", response={200: PackOut, 400: ErrorOut, **ERRORS}, operation_id="mechanisms_pack",
            summary="A shadow-report pack, after the disclosure gate")
def pack(request, programme_id: int, country: str, mechanism: str, language: str = "en"):
    """The pack's built document for a country and a mechanism, from the evidence she may use."""
    programme = get_programme_for_user(request.auth, programme_id)
    partnerships = access.pack_partnerships(request.auth, programme)
    if not partnerships.exists():
        raise Http404
    if language not in LANGUAGES:
        raise HttpError(400, f"Unknown language {language!r}; choose one of: {', '.join(LANGUAGES)}.")
    try:
        built = build_pack(user=request.auth, programme=programme, country=_country(country),
                           mechanism=_mechanism(request.auth, mechanism),
                           partnerships=partnerships.filter(country=_country(country)), language=language)
    except ValidationError as exc:
        raise HttpError(400, " ".join(exc.messages)) from None
    return {"ready": built.ready, "problems": [p.message for p in built.problems], "left_out": built.left_out,
            "articles": [str(a) for a in built.articles], "document": built.document}
