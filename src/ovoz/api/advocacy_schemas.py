"""Input and output shapes of the advocacy API (``ovoz.api.advocacy``)."""

import datetime
from decimal import Decimal

from ninja import Field, Schema

from ovoz.advocacy.models import Actor, ChangeNode, Channel, Level, StepStatus


class ScopeIn(Schema):
    programme_id: int
    partnership_id: int | None = Field(None, description="Empty for the programme's own (coordinators only)")


class ScopeFilter(Schema):
    programme_id: int | None = None
    partnership_id: int | None = Field(None, description="A partnership's; see `programme_only` for the programme's")
    programme_only: bool = Field(False, description="Only the programme's own (no partnership)")


class ScopeOut(Schema):
    programme_id: int
    partnership_id: int | None
    label: str
    can_edit: bool


class TocOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    title: str
    goal: str


class NodeOut(Schema):
    id: int
    code: str = Field(description="O1, P2, I1, A1, M1: the label on the diagram")
    kind: str = Field(description=", ".join(ChangeNode.Kind.values))
    text: str
    leads_to_id: int | None = Field(description="The element it leads to (or is about); null: the goal")
    position: int


class TocDetailOut(TocOut):
    elements: list[NodeOut]


class TocIn(ScopeIn):
    title: str
    goal: str


class NodeIn(Schema):
    kind: str = Field(description=", ".join(ChangeNode.Kind.values))
    text: str
    leads_to_id: int | None = None


class ActorOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    name: str
    kind: str = Field(description=", ".join(Actor.Kind.values))
    level: str = Field(description=", ".join(Level.values))
    country: str
    influence: int = Field(description="0 (none) to 5 (decides)")
    stance: int = Field(description="-2 strongly opposed ... +2 strongly supportive")
    notes: str


class ActorIn(ScopeIn):
    name: str
    kind: str = Actor.Kind.OTHER
    level: str = Level.NATIONAL
    country: str = ""
    influence: int = Field(0, ge=0, le=5)
    stance: int = Field(0, ge=-2, le=2)
    notes: str = ""


class PlaceIn(Schema):
    influence: int = Field(ge=0, le=5)
    stance: int = Field(ge=-2, le=2)


class StepOut(Schema):
    id: int
    position: int
    title: str
    description: str
    starts_on: datetime.date | None
    due_on: datetime.date | None
    responsible: str
    status: str = Field(description=", ".join(StepStatus.values))


class PathwayOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    title: str
    objective: str = Field(description="The impact objective")


class PathwayDetailOut(PathwayOut):
    steps: list[StepOut]


class PlanOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    title: str
    summary: str
    starts_on: datetime.date
    ends_on: datetime.date
    currency: str
    proposal_id: int | None = Field(description="The advocacy proposal (grants) this plan's budget feeds")


class ObjectiveOut(Schema):
    id: int
    level: str = Field(description=", ".join(Level.values))
    text: str
    outcome_achieved: str


class AskOut(Schema):
    id: int
    objective_id: int | None
    text: str
    target_ids: list[int] = Field(description="Power-map actors")
    finding_ids: list[int] = Field(description="Findings (publishing) behind the ask")


class ActivityOut(Schema):
    id: int
    plan_id: int
    objective_id: int | None
    level: str = Field(description=", ".join(Level.values))
    title: str
    description: str
    starts_on: datetime.date
    ends_on: datetime.date
    responsible: str
    target_ids: list[int]
    budget: Decimal
    budget_category: str
    status: str = Field(description=", ".join(StepStatus.values))
    outcome: str

    @staticmethod
    def resolve_target_ids(obj) -> list[int]:
        return [t.pk for t in obj.targets.all()]


class PlanDetailOut(PlanOut):
    objectives: list[ObjectiveOut]
    asks: list[AskOut]
    activities: list[ActivityOut]
    total: Decimal = Field(description="The activities' budgets added up, in the plan's currency")


class ActivityIn(Schema):
    title: str
    starts_on: datetime.date
    ends_on: datetime.date
    level: str = Level.NATIONAL
    objective_id: int | None = None
    description: str = ""
    responsible: str = ""
    target_ids: list[int] = []
    budget: Decimal = Field(Decimal("0"), ge=0)
    budget_category: str = "advocacy"
    status: str = StepStatus.PLANNED
    outcome: str = ""


class ActivityFilter(ScopeFilter):
    from_: datetime.date | None = Field(None, alias="from", description="Ending on or after this day")
    to: datetime.date | None = Field(None, description="Starting on or before this day")


class MomentOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    title: str
    kind: str
    level: str
    starts_on: datetime.date
    ends_on: datetime.date
    description: str
    url: str


class MomentIn(ScopeIn):
    title: str
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    kind: str = "other"
    level: str = Level.NATIONAL
    description: str = ""
    url: str = ""


class CampaignOut(Schema):
    id: int
    programme_id: int
    partnership_id: int | None
    title: str
    moment_id: int | None
    plan_id: int | None
    starts_on: datetime.date
    ends_on: datetime.date
    objective: str
    channels: list[str] = Field(description=", ".join(Channel.values))


class MessageOut(Schema):
    language: str
    audience: str
    text: str


class MaterialOut(Schema):
    title: str
    kind: str
    language: str
    url: str


class ReachOut(Schema):
    id: int
    channel: str = Field(description=", ".join(Channel.values))
    recorded_on: datetime.date
    people: int
    note: str


class CampaignDetailOut(CampaignOut):
    messages: list[MessageOut]
    materials: list[MaterialOut]
    reach: list[ReachOut]
    people_reached: int


class ReachIn(Schema):
    channel: str = Field(description=", ".join(Channel.values))
    people: int = Field(ge=0)
    recorded_on: datetime.date | None = None
    note: str = ""
