"""Double-coding rounds: two researchers code one source blind to each other, finish, compare and reconcile.

A round's codings are drafts (``Coding.double_coding`` set): queries leave them out. Reconciling turns the
agreed stretches, and the disagreements the team decided to keep, into ordinary codings through the coding
service; the round's drafts stay as the record of what each coder did.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.analysis.access import analysable_sources_visible_to, can_code
from ovoz.analysis.agreement import compare
from ovoz.analysis.models import Code, Coding, DoubleCoding
from ovoz.analysis.services.codings import codings_bulk_create
from ovoz.audit.services import audit_write
from ovoz.programmes.models import Membership

KEEP, DROP = "keep", "drop"
OPEN = (DoubleCoding.Status.CODING, DoubleCoding.Status.COMPARING)


def eligible_coders(partnership):
    """The mentor and researchers of the partnership: the people who may code its sources."""
    from ovoz.accounts.models import User

    return User.objects.filter(
        pk__in=Membership.objects.filter(
            partnership_id=partnership.pk, role__in=[Role.MENTOR, Role.RESEARCHER]
        ).values("user_id"),
        is_active=True,
    ).order_by("full_name", "username")


def _refuse_unless_analysable(actor, source) -> None:
    if not (can_code(actor, source) and analysable_sources_visible_to(actor).filter(pk=source.pk).exists()):
        raise ValidationError(_("This source cannot be double-coded: you may not code it, or a participant does "
                                "not allow its use in analysis."))


@transaction.atomic
def double_coding_start(*, actor, source, coder_a, coder_b, note: str = "") -> DoubleCoding:
    _refuse_unless_analysable(actor, source)
    if not (source.transcript or "").strip():
        raise ValidationError(_("This source has no transcript to code."))
    if coder_a is None or coder_b is None:
        raise ValidationError(_("Choose two coders among the mentor and researchers of the source's partnership."))
    if coder_a.pk == coder_b.pk:
        raise ValidationError(_("Choose two different coders."))
    pair = [coder_a.pk, coder_b.pk]
    eligible = set(eligible_coders(source.partnership).filter(pk__in=pair).values_list("pk", flat=True))
    if eligible != {coder_a.pk, coder_b.pk}:
        raise ValidationError(_("Both coders must be the mentor or researchers of the source's partnership."))
    if DoubleCoding.objects.select_for_update().filter(source=source, status__in=OPEN).exists():
        raise ValidationError(_("This source already has a double-coding round that is not reconciled."))
    round_ = DoubleCoding.objects.create(source=source, coder_a=coder_a, coder_b=coder_b, note=note.strip(),
                                         created_by=actor)
    audit_write(actor=actor, action="double_coding.start", obj=round_, partnership=source.partnership,
                changes={"source": source.pk, "coder_a": coder_a.pk, "coder_b": coder_b.pk})
    return round_


@transaction.atomic
def double_coding_finish(*, actor, double_coding: DoubleCoding) -> DoubleCoding:
    """The actor's side is finished: she can no longer change her codings in the round. When both sides are
    finished the round moves to comparing and each coder sees the other's codings."""
    round_ = DoubleCoding.objects.select_for_update().get(pk=double_coding.pk)
    if not round_.is_coder(actor):
        raise ValidationError(_("Only the two coders of this round can say they have finished."))
    if round_.status != DoubleCoding.Status.CODING:
        raise ValidationError(_("This round is no longer being coded."))
    field = "finished_a_at" if actor.pk == round_.coder_a_id else "finished_b_at"
    if getattr(round_, field) is not None:
        raise ValidationError(_("You have already finished coding in this round."))
    setattr(round_, field, timezone.now())
    if round_.both_finished:
        round_.status = DoubleCoding.Status.COMPARING
    round_.save(update_fields=[field, "status"])
    audit_write(actor=actor, action="double_coding.finish", obj=round_, partnership=round_.source.partnership,
                changes={"side": "a" if field == "finished_a_at" else "b", "status": round_.status,
                         "codings": Coding.objects.filter(double_coding=round_, coder=actor).count()})
    return round_


def round_codings(round_: DoubleCoding) -> tuple[list[tuple], list[tuple]]:
    """Each coder's codings in the round as (code id, start, end). Callers check blindness first."""
    rows = Coding.objects.filter(double_coding=round_).values_list("coder_id", "code_id", "start", "end")
    a = [(c, s, e) for coder, c, s, e in rows if coder == round_.coder_a_id]
    b = [(c, s, e) for coder, c, s, e in rows if coder == round_.coder_b_id]
    return a, b


def require_both_finished(round_: DoubleCoding) -> None:
    if not round_.both_finished:
        raise ValidationError(_("The comparison opens when both coders have finished."))


def round_disagreements(round_: DoubleCoding) -> list[compare.Disagreement]:
    require_both_finished(round_)
    a, b = round_codings(round_)
    return compare.disagreements(round_.source.transcript or "", a, b)


@transaction.atomic
def double_coding_reconcile(*, actor, double_coding: DoubleCoding, decisions: dict[str, str]) -> int:
    """Make the agreed codings. ``decisions`` maps each disagreement's key to "keep" (apply the code to that
    stretch) or "drop"; every disagreement needs a decision. Stretches both coders coded alike are kept
    without asking. Returns the number of codings made."""
    round_ = DoubleCoding.objects.select_for_update().select_related("source__partnership").get(pk=double_coding.pk)
    source = round_.source
    _refuse_unless_analysable(actor, source)
    if round_.status != DoubleCoding.Status.COMPARING:
        raise ValidationError(_("Only a round that both coders finished, and that is not yet reconciled, can be "
                                "reconciled."))
    keys = {d.key for d in round_disagreements(round_)}
    unknown = set(decisions) - keys
    if unknown:
        raise ValidationError(_("These disagreements are not in the round: %(keys)s.")
                              % {"keys": ", ".join(sorted(unknown))})
    bad = {k for k, v in decisions.items() if v not in (KEEP, DROP)}
    if bad:
        raise ValidationError(_("Each disagreement is either kept or dropped."))
    missing = keys - set(decisions)
    if missing:
        raise ValidationError(_("Decide every disagreement: %(n)s without a decision.") % {"n": len(missing)})
    keep = {k for k, v in decisions.items() if v == KEEP}
    a, b = round_codings(round_)
    agreed = compare.reconciled(a, b, keep)
    codes = Code.objects.in_bulk(list(agreed))
    # A stretch already carrying the same code outside any round is not coded twice.
    present = set(Coding.objects.filter(source=source, double_coding__isnull=True, code_id__in=list(agreed))
                  .values_list("code_id", "start", "end"))
    rows = [(codes[code], s, e) for code, stretches in sorted(agreed.items()) for s, e in stretches
            if (code, s, e) not in present]
    made = codings_bulk_create(actor=actor, source=source, rows=rows, action="coding.reconcile") if rows else 0
    round_.status = DoubleCoding.Status.RECONCILED
    round_.reconciled_at = timezone.now()
    round_.save(update_fields=["status", "reconciled_at"])
    audit_write(actor=actor, action="double_coding.reconcile", obj=round_, partnership=source.partnership,
                changes={"kept": len(keep), "dropped": len(keys) - len(keep), "codings": made})
    return made


@transaction.atomic
def double_coding_cancel(*, actor, double_coding: DoubleCoding) -> None:
    """Give up a round that is not reconciled: the round and both coders' drafts go."""
    round_ = DoubleCoding.objects.select_for_update().select_related("source__partnership").get(pk=double_coding.pk)
    if not can_code(actor, round_.source):
        raise ValidationError(_("Only the partnership's team can cancel a round."))
    if round_.status == DoubleCoding.Status.RECONCILED:
        raise ValidationError(_("A reconciled round is kept as the record of the agreement."))
    drafts = Coding.objects.filter(double_coding=round_).count()
    audit_write(actor=actor, action="double_coding.cancel", obj=round_, partnership=round_.source.partnership,
                changes={"source": round_.source_id, "drafts": drafts, "status": round_.status})
    round_.delete()
