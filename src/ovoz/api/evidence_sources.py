"""Sources and documented violations in the JSON API (read only).

Mounted with ``api.add_router("/evidence", "ovoz.api.evidence_sources.router")``: ``/api/v1/evidence/sources`` and
``/api/v1/evidence/incidents``. The same access functions as the pages decide what each person sees: a
partnership's team sees its own, coordinators what is shared with them, anyone else nothing (404). Testimony
(transcripts, translations, notes, narratives, responses) is sent only when asked for with ``?include=text``
and only where every participant allows use in analysis; the employer's name is never sent.
"""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut
from ovoz.evidence import access
from ovoz.evidence.models import Act, Attachment, IncidentSource, Intervention, Participant, Source, Term
from ovoz.evidence.services.incidents import describe_when
from ovoz.programmes.access import one_or_404

router = Router(tags=["evidence"])
ERRORS = {401: ErrorOut, 404: ErrorOut}
INCLUDE = Query(None, description="'text' adds the transcript, translation and notes (or the narrative), where "
                                  "every participant allows use in analysis")
DATE_FROM = Query(None, description="Dated (or still going on) on or after this day, YYYY-MM-DD")
DATE_TO = Query(None, description="Dated (or started) on or before this day, YYYY-MM-DD")
CODES_ONLY = Participant.objects.only("id", "code").order_by("code")


def _wants_text(context) -> bool:
    request = context.get("request") if context else None
    return bool(request) and "text" in (request.GET.get("include") or "").split(",")


def _text(obj, context, value):
    if not _wants_text(context) or not getattr(obj, "analysis_allowed", False):
        return None
    return value


class TermOut(Schema):
    code: str
    label: str = Field(description="In the language of the request (Accept-Language), English if none")
    huridocs_code: str = Field(description="The same term's code in the HURIDOCS micro-thesauri, if any")

    @staticmethod
    def resolve_label(obj) -> str:
        return obj.label()


class AttachmentOut(Schema):
    id: int
    content_type: str
    size: int
    uploaded_at: datetime.datetime
    has_text: bool

    @staticmethod
    def resolve_has_text(obj) -> bool:
        return bool(obj.extracted_text)


class SourceOut(Schema):
    id: int
    partnership_id: int
    kind: str
    title: str
    date: datetime.date | None
    place: str
    language: str
    facilitator_id: int | None
    participant_codes: list[str] = Field(description="Pseudonym codes of the participants involved")
    women_only: bool | None = Field(description="Consultations: was it a women-only space")
    shared_with_programme: bool
    transcript_length: int = Field(description="Characters in the transcript (offsets count these)")
    has_translation: bool
    attachments: list[AttachmentOut]
    text_withheld: bool = Field(description="True when text was asked for but a participant does not allow analysis")
    transcript: str | None = None
    translation_en: str | None = None
    notes: str | None = None
    stakeholders_present: str | None = None
    outcomes: str | None = None

    @staticmethod
    def resolve_participant_codes(obj) -> list[str]:
        return [p.code for p in obj.participants.all()]

    @staticmethod
    def resolve_transcript_length(obj) -> int:
        return len(obj.transcript)

    @staticmethod
    def resolve_has_translation(obj) -> bool:
        return bool(obj.translation_en)

    @staticmethod
    def resolve_attachments(obj) -> list:
        return list(obj.attachments.all())

    @staticmethod
    def resolve_text_withheld(obj, context) -> bool:
        return _wants_text(context) and not obj.analysis_allowed

    @staticmethod
    def resolve_transcript(obj, context):
        return _text(obj, context, obj.transcript)

    @staticmethod
    def resolve_translation_en(obj, context):
        return _text(obj, context, obj.translation_en)

    @staticmethod
    def resolve_notes(obj, context):
        return _text(obj, context, obj.notes)

    @staticmethod
    def resolve_stakeholders_present(obj, context):
        return _text(obj, context, obj.stakeholders_present)

    @staticmethod
    def resolve_outcomes(obj, context):
        return _text(obj, context, obj.outcomes)


class ActOut(Schema):
    act_type: TermOut
    victim_codes: list[str]
    perpetrator_type: TermOut | None
    perpetrator_description: str

    @staticmethod
    def resolve_victim_codes(obj) -> list[str]:
        return [v.code for v in obj.victims.all()]


class InterventionOut(Schema):
    intervention_type: TermOut
    date: datetime.date | None
    by_whom: str
    status: str
    response: str | None = None
    outcome: str | None = None

    @staticmethod
    def resolve_response(obj, context):
        return _text(obj, context, obj.response)

    @staticmethod
    def resolve_outcome(obj, context):
        return _text(obj, context, obj.outcome)


class SourceLinkOut(Schema):
    source_id: int
    connection: str
    reliability: str


class LabourClaimOut(Schema):
    employer_type: str
    has_employer_name: bool = Field(description="The name itself is never sent through the API")
    contract: str
    wages_owed: str | None = Field(description="A decimal string, in `currency`")
    currency: str
    wages_period: str
    hours_per_week: int | None
    documents_confiscated: bool
    documents_confiscated_by: str
    recovered_amount: str | None

    @staticmethod
    def resolve_has_employer_name(obj) -> bool:
        return bool(obj.employer_name)

    @staticmethod
    def resolve_wages_owed(obj):
        return None if obj.wages_owed is None else str(obj.wages_owed)

    @staticmethod
    def resolve_recovered_amount(obj):
        return None if obj.recovered_amount is None else str(obj.recovered_amount)


class IncidentOut(Schema):
    id: int
    partnership_id: int
    title: str
    date: datetime.date | None
    date_precision: str
    end_date: datetime.date | None
    when: str = Field(description="The date as people read it, at its precision")
    country: str
    region: TermOut | None
    city: str
    status: str = Field(description="confirmed, likely, possible, unlikely or unknown")
    shared_with_programme: bool
    rights: list[TermOut]
    acts: list[ActOut]
    interventions: list[InterventionOut]
    sources: list[SourceLinkOut] = Field(description="Links to the sources you may see")
    labour_claim: LabourClaimOut | None
    text_withheld: bool
    narrative: str | None = None

    @staticmethod
    def resolve_when(obj) -> str:
        return describe_when(obj)

    @staticmethod
    def resolve_rights(obj) -> list:
        return list(obj.rights.all())

    @staticmethod
    def resolve_acts(obj) -> list:
        return list(obj.acts.all())

    @staticmethod
    def resolve_interventions(obj) -> list:
        items = list(obj.interventions.all())
        for item in items:
            item.analysis_allowed = obj.analysis_allowed  # responses are testimony too
        return items

    @staticmethod
    def resolve_sources(obj) -> list:
        return list(obj.visible_links)

    @staticmethod
    def resolve_labour_claim(obj):
        return getattr(obj, "labour_claim", None)

    @staticmethod
    def resolve_text_withheld(obj, context) -> bool:
        return _wants_text(context) and not obj.analysis_allowed

    @staticmethod
    def resolve_narrative(obj, context):
        return _text(obj, context, obj.narrative)


# --- sources ----------------------------------------------------------------------------------------------


def _sources(user):
    allowed = access.sources_visible_to(user, scope="analysis").filter(pk=OuterRef("pk"))
    return (
        access.sources_visible_to(user)
        .annotate(analysis_allowed=Exists(allowed))
        .prefetch_related(Prefetch("participants", queryset=CODES_ONLY),
                          Prefetch("attachments", queryset=Attachment.objects.defer("extracted_text")
                                   .order_by("uploaded_at", "pk")))
    )


@router.get("/sources", response={200: list[SourceOut], 400: ErrorOut, 401: ErrorOut}, operation_id="evidence_sources",
            summary="List sources")
@paginate(Page)
def source_list(
    request,
    partnership_id: int | None = Query(None, description="Only this partnership's sources"),
    kind: str | None = Query(None, description="consultation, interview, focus_group, survey, document, observation"),
    language: str | None = Query(None, description="Language code, e.g. ky, ru, uz, tg"),
    participant: str | None = Query(None, description="Only sources this participant code took part in"),
    date_from: datetime.date | None = DATE_FROM,
    date_to: datetime.date | None = DATE_TO,
    q: str | None = Query(None, description="Words in the title"),
    include: str | None = INCLUDE,
):
    """Sources you may see, newest first: metadata, and text only when asked for and allowed."""
    qs = _sources(request.auth)
    filters = {"partnership_id": partnership_id, "kind": kind, "language": language, "date__gte": date_from,
               "date__lte": date_to, "title__icontains": q}
    qs = qs.filter(**{k: v for k, v in filters.items() if v not in (None, "")})
    if participant:  # a subquery, not a join: each source stays one row (the access queryset has no DISTINCT)
        qs = qs.filter(pk__in=Source.participants.through.objects.filter(
            participant__code__iexact=participant).values("source_id"))
    return qs.order_by("-date", "title", "pk")


@router.get("/sources/{int:source_id}", response={200: SourceOut, **ERRORS}, operation_id="evidence_source",
            summary="One source")
def source_detail(request, source_id: int, include: str | None = INCLUDE):
    """One source you may see; 404 whether it is missing or not yours to see."""
    return one_or_404(_sources(request.auth), source_id)


# --- incidents --------------------------------------------------------------------------------------------


def _incidents(user):
    allowed = access.incidents_visible_to(user, scope="analysis").filter(pk=OuterRef("pk"))
    visible_sources = access.sources_visible_to(user).values("pk")
    return (
        access.incidents_visible_to(user)
        .annotate(analysis_allowed=Exists(allowed))
        .select_related("region", "labour_claim")
        .prefetch_related(
            "rights",
            Prefetch("acts", queryset=Act.objects.select_related("act_type", "perpetrator_type")
                     .prefetch_related(Prefetch("victims", queryset=CODES_ONLY))),
            Prefetch("interventions", queryset=Intervention.objects.select_related("intervention_type")),
            Prefetch("source_links", queryset=IncidentSource.objects.filter(source__in=visible_sources)
                     .order_by("source_id"), to_attr="visible_links"),
        )
    )


def _term(code: str, vocabulary: str) -> list[int]:
    """The term with this code and every narrower one; an unknown code matches nothing."""
    ids = list(Term.objects.filter(vocabulary=vocabulary, code=code).values_list("pk", flat=True))
    frontier = ids
    while frontier:
        frontier = list(Term.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids += frontier
    return ids


@router.get("/incidents", response={200: list[IncidentOut], 400: ErrorOut, 401: ErrorOut},
            operation_id="evidence_incidents", summary="List documented violations")
@paginate(Page)
def incident_list(
    request,
    partnership_id: int | None = Query(None, description="Only this partnership's incidents"),
    status: str | None = Query(None, description="confirmed, likely, possible, unlikely or unknown"),
    violation: str | None = Query(None, description="Type of act, by its code; narrower types are included"),
    perpetrator: str | None = Query(None, description="Type of perpetrator, by its code"),
    country: str | None = Query(None, description="ISO code, e.g. KG"),
    date_from: datetime.date | None = DATE_FROM,
    date_to: datetime.date | None = DATE_TO,
    include: str | None = INCLUDE,
):
    """Documented violations you may see, newest first; the narrative only when asked for and allowed."""
    qs = _incidents(request.auth)
    if partnership_id is not None:
        qs = qs.filter(partnership_id=partnership_id)
    if status:
        qs = qs.filter(status=status)
    if violation:  # acts in subqueries: an incident with two matching acts stays one row
        qs = qs.filter(pk__in=Act.objects.filter(act_type_id__in=_term(violation, "violation")).values("incident_id"))
    if perpetrator:
        qs = qs.filter(pk__in=Act.objects.filter(
            perpetrator_type_id__in=_term(perpetrator, "perpetrator")).values("incident_id"))
    if country:
        qs = qs.filter(country=country.strip().upper())
    if date_from:
        qs = qs.filter(Q(end_date__gte=date_from) | Q(end_date__isnull=True, date__gte=date_from))
    if date_to:
        qs = qs.filter(date__lte=date_to)
    return qs.order_by("-date", "title", "pk")


@router.get("/incidents/{int:incident_id}", response={200: IncidentOut, **ERRORS}, operation_id="evidence_incident",
            summary="One documented violation")
def incident_detail(request, incident_id: int, include: str | None = INCLUDE):
    """One documented violation you may see; 404 whether it is missing or not yours to see."""
    return one_or_404(_incidents(request.auth), incident_id)
