"""Applying codes to stretches of transcripts, changing and removing codings.

Offsets are code points into ``source.transcript`` (see ``ovoz.analysis.offsets``); they are checked against
the transcript here, so a wrong offset from any client is refused rather than stored.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ovoz.analysis.coding_sql import codes_on_stretch
from ovoz.analysis.models import Code, Coding, DoubleCoding
from ovoz.audit.services import audit_write


def _check_span(source, start: int, end: int) -> None:
    length = len(source.transcript or "")
    if not (0 <= start < end <= length):
        raise ValidationError(
            _("The selection %(start)s–%(end)s is outside the transcript (%(length)s characters).")
            % {"start": start, "end": end, "length": length}
        )


def _check_code(source, code: Code) -> None:
    if code.retired_at is not None:
        raise ValidationError(_("The code “%(code)s” is retired and cannot be applied.") % {"code": code.name()})
    if code.programme_id != source.partnership.programme_id or code.partnership_id not in (
        None, source.partnership_id,
    ):
        raise ValidationError(_("The code “%(code)s” does not belong to this source's codebook.")
                              % {"code": code.name()})


def _check_round(actor, source, double_coding: DoubleCoding | None) -> None:
    if double_coding is None:
        return
    if double_coding.source_id != source.pk or not double_coding.is_coder(actor):
        raise ValidationError(_("Only the two coders of this double-coding round can code in it."))
    finished = double_coding.finished_a_at if actor.pk == double_coding.coder_a_id else double_coding.finished_b_at
    if finished or double_coding.status != DoubleCoding.Status.CODING:
        raise ValidationError(_("You have finished coding in this round."))


@transaction.atomic
def coding_create(
    *, actor, source, codes: list[Code], start: int, end: int, double_coding: DoubleCoding | None = None
) -> list[Coding]:
    """Apply one or more codes to ``source.transcript[start:end]``. Applying a code already on exactly that
    stretch (by the same coder, in the same round) does nothing for that code."""
    if not codes:
        raise ValidationError(_("Choose at least one code."))
    _check_span(source, start, end)
    _check_round(actor, source, double_coding)
    for code in codes:
        _check_code(source, code)
    # The codes already on exactly this stretch, in one query whatever the number of codes.
    present = codes_on_stretch(source.pk, start, end, [c.pk for c in codes],
                               round_id=double_coding.pk if double_coding else None, coder_id=actor.pk)
    made = []
    for code in codes:
        if code.pk in present:
            continue
        present.add(code.pk)
        coding = Coding.objects.create(
            source=source, code=code, start=start, end=end, coder=actor, double_coding=double_coding
        )
        audit_write(
            actor=actor, action="coding.create", obj=coding, partnership=source.partnership,
            changes={"code": code.pk, "source": source.pk, "start": start, "end": end,
                     "round": double_coding.pk if double_coding else None},
        )
        made.append(coding)
    return made


@transaction.atomic
def coding_change(*, actor, coding: Coding, code: Code | None = None, start: int | None = None,
                  end: int | None = None) -> Coding:
    """Change a coding's code or stretch."""
    source = coding.source
    new_code = code or coding.code
    new_start = coding.start if start is None else start
    new_end = coding.end if end is None else end
    _check_span(source, new_start, new_end)
    if new_code.pk != coding.code_id:
        _check_code(source, new_code)
    if coding.double_coding_id:
        _check_round(actor, source, coding.double_coding)
    changes = {}
    for name, value in (("code_id", new_code.pk), ("start", new_start), ("end", new_end)):
        if getattr(coding, name) != value:
            changes[name.removesuffix("_id")] = {"old": getattr(coding, name), "new": value}
            setattr(coding, name, value)
    if changes:
        coding.save(update_fields=["code", "start", "end"])
        audit_write(actor=actor, action="coding.update", obj=coding, changes=changes, partnership=source.partnership)
    return coding


@transaction.atomic
def coding_delete(*, actor, coding: Coding) -> None:
    if coding.double_coding_id:
        _check_round(actor, coding.source, coding.double_coding)
    audit_write(
        actor=actor, action="coding.delete", obj=coding, partnership=coding.source.partnership,
        changes={"code": coding.code_id, "source": coding.source_id, "start": coding.start, "end": coding.end},
    )
    coding.delete()


@transaction.atomic
def codings_bulk_create(*, actor, source, rows: list[tuple[Code, int, int]], action: str = "coding.import",
                        coders: list | None = None) -> int:
    """Many codings on one source in one statement (imports, suggestions accepted in bulk), one audit row.

    Each row is checked like a single coding; ``coders`` (same length as ``rows``) keeps the original coder.
    """
    objs = []
    for i, (code, start, end) in enumerate(rows):
        _check_span(source, start, end)
        _check_code(source, code)
        objs.append(Coding(source=source, code=code, start=start, end=end,
                           coder=coders[i] if coders else actor))
    Coding.objects.bulk_create(objs, batch_size=1000)
    audit_write(actor=actor, action=action, obj=source, partnership=source.partnership,
                changes={"codings": len(objs)})
    return len(objs)
