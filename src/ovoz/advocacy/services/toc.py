"""Theories of Change and their elements."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.advocacy.models import ChangeNode, TheoryOfChange
from ovoz.advocacy.services import common

TOC_FIELDS = ["title", "goal"]
NODE_FIELDS = ["kind", "text", "leads_to", "position"]
K = ChangeNode.Kind
# What each kind of element may lead to (None: the goal itself).
ALLOWED_TARGETS = {
    K.OUTCOME: {None, K.OUTCOME},
    K.PRECONDITION: {None, K.OUTCOME, K.PRECONDITION},
    K.INTERVENTION: {None, K.PRECONDITION, K.OUTCOME},
    K.ASSUMPTION: {None, K.OUTCOME, K.PRECONDITION, K.INTERVENTION},
    K.INDICATOR: {None, K.OUTCOME, K.PRECONDITION, K.INTERVENTION},
}


@transaction.atomic
def toc_create(*, actor, programme, partnership, title: str, goal: str) -> TheoryOfChange:
    toc = TheoryOfChange(programme=programme, partnership=partnership, title=title.strip(), goal=goal.strip(),
                         created_by=actor if getattr(actor, "pk", None) else None)
    return common.create(actor=actor, obj=toc, fields=TOC_FIELDS, action="toc.create", owner=toc)


@transaction.atomic
def toc_update(*, actor, toc: TheoryOfChange, **values) -> TheoryOfChange:
    return common.update(actor=actor, obj=toc, fields=TOC_FIELDS, values=values, action="toc.update", owner=toc)


@transaction.atomic
def toc_delete(*, actor, toc: TheoryOfChange) -> None:
    common.delete(actor=actor, obj=toc, action="toc.delete", owner=toc, fields=TOC_FIELDS)


def _check_link(node: ChangeNode) -> None:
    target = node.leads_to
    if target is not None and target.toc_id != node.toc_id:
        raise ValidationError(_("An element can only lead to an element of the same Theory of Change."))
    allowed = ALLOWED_TARGETS[K(node.kind)]
    if (target.kind if target else None) not in allowed:
        raise ValidationError(
            _("A %(kind)s cannot lead to %(target)s.")
            % {"kind": K(node.kind).label.lower(),
               "target": K(target.kind).label.lower() if target else _("the goal")}
        )
    seen = {node.pk}
    while target is not None:
        if target.pk in seen:
            raise ValidationError(_("These links would go round in a circle."))
        seen.add(target.pk)
        target = target.leads_to


@transaction.atomic
def node_add(*, actor, toc: TheoryOfChange, kind: str, text: str, leads_to=None, position=None) -> ChangeNode:
    if position is None:
        position = toc.nodes.filter(kind=kind).count() + 1
    node = ChangeNode(toc=toc, kind=kind, text=text.strip(), leads_to=leads_to, position=position)
    if kind not in K.values:
        raise ValidationError(_("Choose what kind of element this is."))
    _check_link(node)
    return common.create(actor=actor, obj=node, fields=NODE_FIELDS, action="toc.node_add", owner=toc)


@transaction.atomic
def node_update(*, actor, node: ChangeNode, **values) -> ChangeNode:
    values = common.only(values, NODE_FIELDS)
    probe = ChangeNode(pk=node.pk, toc_id=node.toc_id, kind=values.get("kind", node.kind),
                       leads_to=values.get("leads_to", node.leads_to))
    _check_link(probe)
    return common.update(actor=actor, obj=node, fields=NODE_FIELDS, values=values, action="toc.node_update",
                         owner=node.toc)


@transaction.atomic
def node_delete(*, actor, node: ChangeNode) -> None:
    common.delete(actor=actor, obj=node, action="toc.node_delete", owner=node.toc, fields=NODE_FIELDS)
