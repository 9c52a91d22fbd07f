"""Power-map actors and critical pathways."""

from django.db import transaction

from ovoz.advocacy.models import Actor, Pathway, PathwayStep
from ovoz.advocacy.services import common

ACTOR_FIELDS = ["name", "kind", "level", "country", "influence", "stance", "notes"]
PATHWAY_FIELDS = ["title", "objective"]
STEP_FIELDS = ["position", "title", "description", "starts_on", "due_on", "responsible", "status"]


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


@transaction.atomic
def actor_create(*, actor, programme, partnership, name: str, **values) -> Actor:
    values = common.only(values, ACTOR_FIELDS)
    target = Actor(programme=programme, partnership=partnership, name=name.strip(), created_by=_user(actor), **values)
    return common.create(actor=actor, obj=target, fields=ACTOR_FIELDS, action="actor.create", owner=target)


@transaction.atomic
def actor_update(*, actor, target: Actor, **values) -> Actor:
    return common.update(actor=actor, obj=target, fields=ACTOR_FIELDS, values=values, action="actor.update",
                         owner=target)


@transaction.atomic
def actor_place(*, actor, target: Actor, influence: int, stance: int) -> Actor:
    """Put an actor in a cell of the influence x stance grid (clicked, dragged or chosen in the form)."""
    return common.update(actor=actor, obj=target, fields=ACTOR_FIELDS,
                         values={"influence": influence, "stance": stance}, action="actor.place", owner=target)


@transaction.atomic
def actor_delete(*, actor, target: Actor) -> None:
    common.delete(actor=actor, obj=target, action="actor.delete", owner=target, fields=ACTOR_FIELDS)


@transaction.atomic
def pathway_create(*, actor, programme, partnership, title: str, objective: str) -> Pathway:
    pathway = Pathway(programme=programme, partnership=partnership, title=title.strip(), objective=objective.strip(),
                      created_by=_user(actor))
    return common.create(actor=actor, obj=pathway, fields=PATHWAY_FIELDS, action="pathway.create", owner=pathway)


@transaction.atomic
def pathway_update(*, actor, pathway: Pathway, **values) -> Pathway:
    return common.update(actor=actor, obj=pathway, fields=PATHWAY_FIELDS, values=values, action="pathway.update",
                         owner=pathway)


@transaction.atomic
def pathway_delete(*, actor, pathway: Pathway) -> None:
    common.delete(actor=actor, obj=pathway, action="pathway.delete", owner=pathway, fields=PATHWAY_FIELDS)


@transaction.atomic
def step_add(*, actor, pathway: Pathway, title: str, **values) -> PathwayStep:
    values = common.only(values, STEP_FIELDS)
    if values.get("position") is None:
        values["position"] = pathway.steps.count() + 1
    step = PathwayStep(pathway=pathway, title=title.strip(), **values)
    return common.create(actor=actor, obj=step, fields=STEP_FIELDS, action="pathway.step_add", owner=pathway)


@transaction.atomic
def step_update(*, actor, step: PathwayStep, **values) -> PathwayStep:
    return common.update(actor=actor, obj=step, fields=STEP_FIELDS, values=values, action="pathway.step_update",
                         owner=step.pathway)


@transaction.atomic
def step_delete(*, actor, step: PathwayStep) -> None:
    common.delete(actor=actor, obj=step, action="pathway.step_delete", owner=step.pathway, fields=STEP_FIELDS)
