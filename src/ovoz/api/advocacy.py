"""API endpoints for advocacy planning (mounted at /api/v1/advocacy/): Theories of Change (and their SVG), power-map
actors (placed by influence and stance), critical pathways, advocacy plans with their activities and budget, the
calendar of advocacy moments, and campaigns with their reach. Same access as the pages: 404 for what she may not see.
"""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from ninja import Query, Router, Status
from ninja.pagination import paginate

from ovoz.advocacy import access
from ovoz.advocacy.models import ChangeNode
from ovoz.advocacy.services.campaigns import moment_create, reach_record
from ovoz.advocacy.services.plans import activity_add, plan_total
from ovoz.advocacy.services.power import actor_create, actor_place
from ovoz.advocacy.services.toc import node_add, toc_create
from ovoz.advocacy.svg import toc as toc_svg
from ovoz.api.advocacy_schemas import (
    ActivityFilter,
    ActivityIn,
    ActivityOut,
    ActorIn,
    ActorOut,
    CampaignDetailOut,
    CampaignOut,
    MomentIn,
    MomentOut,
    NodeIn,
    NodeOut,
    PathwayDetailOut,
    PathwayOut,
    PlaceIn,
    PlanDetailOut,
    PlanOut,
    ReachIn,
    ReachOut,
    ScopeFilter,
    ScopeIn,
    ScopeOut,
    TocDetailOut,
    TocIn,
    TocOut,
)
from ovoz.api.pagination import Page
from ovoz.api.schemas import ErrorOut

router = Router(tags=["advocacy"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}


def _scoped(qs, f: ScopeFilter, prefix: str = ""):
    if f.programme_id is not None:
        qs = qs.filter(**{f"{prefix}programme_id": f.programme_id})
    if f.partnership_id is not None:
        qs = qs.filter(**{f"{prefix}partnership_id": f.partnership_id})
    elif f.programme_only:
        qs = qs.filter(**{f"{prefix}partnership__isnull": True})
    return qs


def _scope(user, payload: ScopeIn):
    return access.scope_from(user, payload.programme_id, payload.partnership_id, write=True)


@router.get("/scopes", response={200: list[ScopeOut], **ERRORS}, operation_id="advocacy_list_scopes")
def list_scopes(request):
    """Where she may read advocacy planning (each partnership, or a programme's own), and where she may write."""
    from ovoz.advocacy.views.common import label

    writable = {(p.pk, s.pk if s else None) for p, s in access.scopes_for(request.auth, write=True)}
    return [
        {"programme_id": p.pk, "partnership_id": s.pk if s else None, "label": label(p, s),
         "can_edit": (p.pk, s.pk if s else None) in writable}
        for p, s in access.scopes_for(request.auth)
    ]


# --- Theory of Change ---------------------------------------------------------------------------------------------


def _toc_detail(toc) -> dict:
    nodes = list(toc.nodes.all())
    codes = toc_svg.codes_for(nodes)
    out = {f: getattr(toc, f) for f in ("id", "programme_id", "partnership_id", "title", "goal")}
    out["elements"] = [{"id": n.pk, "code": codes[n.pk], "kind": n.kind, "text": n.text, "leads_to_id": n.leads_to_id,
                        "position": n.position} for n in nodes]
    return out


@router.get("/theories-of-change", response={200: list[TocOut], **ERRORS}, operation_id="advocacy_list_tocs")
@paginate(Page)
def list_tocs(request, filters: Query[ScopeFilter]):
    return _scoped(access.tocs_visible_to(request.auth), filters).order_by("pk")


@router.post("/theories-of-change", response={201: TocDetailOut, **ERRORS}, operation_id="advocacy_create_toc")
def create_toc(request, payload: TocIn):
    programme, partnership = _scope(request.auth, payload)
    toc = toc_create(actor=request.auth, programme=programme, partnership=partnership, title=payload.title,
                     goal=payload.goal)
    return Status(201, _toc_detail(toc))


@router.get("/theories-of-change/{toc_id}", response={200: TocDetailOut, **ERRORS}, operation_id="advocacy_get_toc")
def get_toc(request, toc_id: int):
    return _toc_detail(access.get_toc_for_user(request.auth, toc_id))


@router.post("/theories-of-change/{toc_id}/elements", response={201: NodeOut, **ERRORS},
             operation_id="advocacy_add_toc_element")
def add_toc_element(request, toc_id: int, payload: NodeIn):
    toc = access.get_toc_for_user(request.auth, toc_id, write=True)
    leads_to = None
    if payload.leads_to_id is not None:
        leads_to = access.get_child_for_user(request.auth, ChangeNode, payload.leads_to_id, "toc")
    node = node_add(actor=request.auth, toc=toc, kind=payload.kind, text=payload.text, leads_to=leads_to)
    codes = toc_svg.codes_for(list(toc.nodes.all()))
    return Status(201, {"id": node.pk, "code": codes[node.pk], "kind": node.kind, "text": node.text,
                        "leads_to_id": node.leads_to_id, "position": node.position})


@router.get("/theories-of-change/{toc_id}/diagram.svg", response={200: str, **ERRORS},
            operation_id="advocacy_toc_diagram")
def toc_diagram(request, toc_id: int):
    """The diagram as SVG (image/svg+xml), sized for an A3 landscape page."""
    toc = access.get_toc_for_user(request.auth, toc_id)
    return HttpResponse(toc_svg.render(toc, list(toc.nodes.all()), print_size=True), content_type="image/svg+xml")


# --- power map ---------------------------------------------------------------------------------------------------


@router.get("/actors", response={200: list[ActorOut], **ERRORS}, operation_id="advocacy_list_actors")
@paginate(Page)
def list_actors(request, filters: Query[ScopeFilter]):
    return _scoped(access.actors_visible_to(request.auth), filters).order_by("pk")


@router.post("/actors", response={201: ActorOut, **ERRORS}, operation_id="advocacy_create_actor")
def create_actor(request, payload: ActorIn):
    programme, partnership = _scope(request.auth, payload)
    values = payload.dict(exclude={"programme_id", "partnership_id", "name"})
    return Status(201, actor_create(actor=request.auth, programme=programme, partnership=partnership,
                                    name=payload.name, **values))


@router.post("/actors/{actor_id}/place", response={200: ActorOut, **ERRORS}, operation_id="advocacy_place_actor")
def place_actor(request, actor_id: int, payload: PlaceIn):
    """Move an actor on the power map."""
    target = access.get_actor_for_user(request.auth, actor_id, write=True)
    return actor_place(actor=request.auth, target=target, influence=payload.influence, stance=payload.stance)


# --- critical pathways -------------------------------------------------------------------------------------------


@router.get("/pathways", response={200: list[PathwayOut], **ERRORS}, operation_id="advocacy_list_pathways")
@paginate(Page)
def list_pathways(request, filters: Query[ScopeFilter]):
    return _scoped(access.pathways_visible_to(request.auth), filters).order_by("pk")


@router.get("/pathways/{pathway_id}", response={200: PathwayDetailOut, **ERRORS},
            operation_id="advocacy_get_pathway")
def get_pathway(request, pathway_id: int):
    pathway = access.get_pathway_for_user(request.auth, pathway_id)
    return {**PathwayOut.from_orm(pathway).dict(), "steps": list(pathway.steps.all())}


# --- advocacy plans ----------------------------------------------------------------------------------------------


@router.get("/plans", response={200: list[PlanOut], **ERRORS}, operation_id="advocacy_list_plans")
@paginate(Page)
def list_plans(request, filters: Query[ScopeFilter]):
    return _scoped(access.plans_visible_to(request.auth), filters).order_by("pk")


@router.get("/plans/{plan_id}", response={200: PlanDetailOut, **ERRORS}, operation_id="advocacy_get_plan")
def get_plan(request, plan_id: int):
    plan = access.get_plan_for_user(request.auth, plan_id)
    asks = plan.asks.prefetch_related("targets", "findings")
    return {
        **PlanOut.from_orm(plan).dict(),
        "objectives": list(plan.objectives.all()),
        "asks": [{"id": a.pk, "objective_id": a.objective_id, "text": a.text,
                  "target_ids": [t.pk for t in a.targets.all()], "finding_ids": [f.pk for f in a.findings.all()]}
                 for a in asks],
        "activities": list(plan.activities.prefetch_related("targets")),
        "total": plan_total(plan),
    }


@router.post("/plans/{plan_id}/activities", response={201: ActivityOut, **ERRORS},
             operation_id="advocacy_add_activity")
def add_activity(request, plan_id: int, payload: ActivityIn):
    plan = access.get_plan_for_user(request.auth, plan_id, write=True)
    objective = plan.objectives.filter(pk=payload.objective_id).first() if payload.objective_id else None
    if payload.objective_id and objective is None:
        raise ValidationError("Choose an objective of this plan.")
    targets = list(access.actors_visible_to(request.auth).filter(pk__in=payload.target_ids))
    if len(targets) != len(set(payload.target_ids)):
        raise Http404
    values = payload.dict(exclude={"objective_id", "target_ids", "title", "starts_on", "ends_on"})
    activity = activity_add(actor=request.auth, plan=plan, title=payload.title, starts_on=payload.starts_on,
                            ends_on=payload.ends_on, objective=objective, targets=targets, **values)
    return Status(201, activity)


@router.get("/activities", response={200: list[ActivityOut], **ERRORS}, operation_id="advocacy_list_activities")
@paginate(Page)
def list_activities(request, filters: Query[ActivityFilter]):
    qs = _scoped(access.activities_visible_to(request.auth), filters, prefix="plan__")
    if filters.from_:
        qs = qs.filter(ends_on__gte=filters.from_)
    if filters.to:
        qs = qs.filter(starts_on__lte=filters.to)
    return qs.prefetch_related("targets").order_by("starts_on", "pk")


# --- calendar and campaigns --------------------------------------------------------------------------------------


@router.get("/moments", response={200: list[MomentOut], **ERRORS}, operation_id="advocacy_list_moments")
@paginate(Page)
def list_moments(request, filters: Query[ActivityFilter]):
    qs = _scoped(access.moments_visible_to(request.auth), filters)
    if filters.from_:
        qs = qs.filter(ends_on__gte=filters.from_)
    if filters.to:
        qs = qs.filter(starts_on__lte=filters.to)
    return qs.order_by("starts_on", "pk")


@router.post("/moments", response={201: MomentOut, **ERRORS}, operation_id="advocacy_create_moment")
def create_moment(request, payload: MomentIn):
    programme, partnership = _scope(request.auth, payload)
    values = payload.dict(exclude={"programme_id", "partnership_id", "title", "starts_on", "ends_on"})
    return Status(201, moment_create(actor=request.auth, programme=programme, partnership=partnership,
                                     title=payload.title, starts_on=payload.starts_on, ends_on=payload.ends_on,
                                     **values))


@router.get("/campaigns", response={200: list[CampaignOut], **ERRORS}, operation_id="advocacy_list_campaigns")
@paginate(Page)
def list_campaigns(request, filters: Query[ScopeFilter]):
    return _scoped(access.campaigns_visible_to(request.auth), filters).order_by("pk")


def _campaign_detail(campaign) -> dict:
    reach = list(campaign.reach.all())
    return {**CampaignOut.from_orm(campaign).dict(), "messages": list(campaign.messages.all()),
            "materials": list(campaign.materials.all()), "reach": reach,
            "people_reached": sum(r.people for r in reach)}


@router.get("/campaigns/{campaign_id}", response={200: CampaignDetailOut, **ERRORS},
            operation_id="advocacy_get_campaign")
def get_campaign(request, campaign_id: int):
    return _campaign_detail(access.get_campaign_for_user(request.auth, campaign_id))


@router.post("/campaigns/{campaign_id}/reach", response={201: ReachOut, **ERRORS},
             operation_id="advocacy_record_reach")
def record_reach(request, campaign_id: int, payload: ReachIn):
    campaign = access.get_campaign_for_user(request.auth, campaign_id, write=True)
    values = {"note": payload.note}
    if payload.recorded_on:
        values["recorded_on"] = payload.recorded_on
    return Status(201, reach_record(actor=request.auth, campaign=campaign, channel=payload.channel,
                                    people=payload.people, **values))
