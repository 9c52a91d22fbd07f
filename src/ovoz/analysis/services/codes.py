"""The codebook: create, edit, move, merge, split, retire and restore codes, and seed a programme's codebook.

No change loses a coding: merging moves the merged code's codings to the target, splitting moves the
chosen codings to the new code, retiring keeps the code and its codings but stops offering it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.analysis.models import Code, Coding
from ovoz.analysis.services.seed import FOCUS_AREAS, PALETTE
from ovoz.audit.services import audit_write, audited_update
from ovoz.evidence.models import Term

FIELDS = [
    "name_en", "name_ru", "name_ky", "name_uz", "name_tg", "definition", "inclusion", "exclusion", "example",
    "colour", "order",
]


def _audit(actor, action, code, changes=None):
    audit_write(
        actor=actor, action=action, obj=code, changes=changes or {}, programme=code.programme,
        partnership=code.partnership,
    )


def _check_parent(code: Code, parent: Code | None) -> None:
    if parent is None:
        return
    if parent.programme_id != code.programme_id:
        raise ValidationError(_("A code can only be placed under a code of the same programme."))
    if parent.partnership_id not in (None, code.partnership_id):
        raise ValidationError(_("A code can only be placed under a programme code or a code of its partnership."))
    if code.partnership_id is None and parent.partnership_id is not None:
        raise ValidationError(_("A programme code cannot be placed under a partnership's code."))
    node = parent
    while node is not None:
        if node.pk == code.pk:
            raise ValidationError(_("A code cannot be placed under itself or one of its sub-codes."))
        node = node.parent


@transaction.atomic
def code_create(*, actor, programme, partnership=None, parent: Code | None = None, **values) -> Code:
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("This partnership is not in the programme."))
    unknown = set(values) - set(FIELDS) - {"seed_key", "term"}
    if unknown:
        raise ValueError(f"Unknown code fields: {sorted(unknown)}")
    if not (values.get("name_en") or "").strip():
        raise ValidationError(_("A code needs an English name."))
    code = Code(programme=programme, partnership=partnership, parent=parent, created_by=actor, **values)
    _check_parent(code, parent)
    code.full_clean()
    code.save()
    _audit(actor, "code.create", code, {"name_en": code.name_en, "parent": parent.pk if parent else None})
    return code


@transaction.atomic
def code_update(*, actor, code: Code, **values) -> Code:
    return audited_update(
        actor=actor, instance=code, fields=FIELDS, values=values, action="code.update",
        programme=code.programme, partnership=code.partnership,
    )


@transaction.atomic
def code_move(*, actor, code: Code, parent: Code | None) -> Code:
    _check_parent(code, parent)
    old = code.parent_id
    code.parent = parent
    code.save(update_fields=["parent"])
    _audit(actor, "code.move", code, {"parent": {"old": old, "new": parent.pk if parent else None}})
    return code


@transaction.atomic
def code_merge(*, actor, code: Code, into: Code) -> int:
    """Move every coding and sub-code of ``code`` to ``into`` and retire ``code``; return codings moved.

    A coding that ``into`` already has on the same stretch is not doubled: the moved duplicate is dropped.
    """
    if code.pk == into.pk:
        raise ValidationError(_("A code cannot be merged into itself."))
    if into.programme_id != code.programme_id or into.partnership_id not in (None, code.partnership_id):
        raise ValidationError(_("A code can only be merged into a programme code or a code of its partnership."))
    if into.retired_at:
        raise ValidationError(_("A code cannot be merged into a retired code."))
    node = into.parent
    while node is not None:
        if node.pk == code.pk:
            raise ValidationError(_("A code cannot be merged into one of its own sub-codes: move that one first."))
        node = node.parent
    existing = set(Coding.objects.filter(code=into).values_list("source_id", "start", "end", "double_coding_id"))
    duplicates = [
        pk for pk, source_id, start, end, round_id in Coding.objects.filter(code=code).values_list(
            "pk", "source_id", "start", "end", "double_coding_id")
        if (source_id, start, end, round_id) in existing
    ]
    Coding.objects.filter(pk__in=duplicates).delete()
    moved = Coding.objects.filter(code=code).update(code=into)
    Code.objects.filter(parent=code).exclude(pk=into.pk).update(parent=into)
    code.merged_into = into
    code.retired_at = timezone.now()
    code.save(update_fields=["merged_into", "retired_at"])
    _audit(actor, "code.merge", code, {"into": into.pk, "codings_moved": moved, "duplicates_dropped": len(duplicates)})
    return moved + len(duplicates)


@transaction.atomic
def code_split(*, actor, code: Code, name_en: str, coding_ids: list[int], **values) -> Code:
    """Make a sibling code and move the chosen codings of ``code`` to it."""
    new = code_create(
        actor=actor, programme=code.programme, partnership=code.partnership, parent=code.parent,
        name_en=name_en, colour=values.pop("colour", code.colour), **values,
    )
    chosen = Coding.objects.filter(code=code, pk__in=coding_ids)
    if len(coding_ids) != chosen.count():
        raise ValidationError(_("Only codings of the code being split can be moved to the new code."))
    moved = chosen.update(code=new)
    _audit(actor, "code.split", code, {"into": new.pk, "codings_moved": moved})
    return new


@transaction.atomic
def code_retire(*, actor, code: Code) -> Code:
    if code.retired_at is None:
        code.retired_at = timezone.now()
        code.save(update_fields=["retired_at"])
        _audit(actor, "code.retire", code)
    return code


@transaction.atomic
def code_restore(*, actor, code: Code) -> Code:
    if code.merged_into_id:
        raise ValidationError(_("A merged code cannot be restored: its codings now belong to another code."))
    if code.retired_at is not None:
        code.retired_at = None
        code.save(update_fields=["retired_at"])
        _audit(actor, "code.restore", code)
    return code


@transaction.atomic
def code_delete(*, actor, code: Code) -> None:
    """Only a code never used and with no sub-codes can be deleted; others are retired or merged."""
    if code.codings.exists() or code.children.exists():
        raise ValidationError(_("This code is in use: retire it or merge it into another code instead."))
    _audit(actor, "code.delete", code, {"name_en": code.name_en})
    code.delete()


@transaction.atomic
def codebook_seed(*, actor, programme) -> int:
    """Add the focus areas and the violation vocabulary to the programme codebook; return codes created.

    Idempotent: a code whose seed is already there (even renamed or retired) is not made again.
    """
    have = set(Code.objects.filter(programme=programme, partnership__isnull=True).exclude(seed_key="")
               .values_list("seed_key", flat=True))
    created = 0
    by_key = dict(Code.objects.filter(programme=programme, partnership__isnull=True).exclude(seed_key="")
                  .values_list("seed_key", "pk"))
    for order, area in enumerate(FOCUS_AREAS):
        if area["key"] in have:
            continue
        code = Code.objects.create(
            programme=programme, seed_key=area["key"], colour=area["colour"], order=order,
            definition=area["definition"], created_by=actor,
            **{f"name_{lang}": area[lang] for lang in ("en", "ru", "ky", "uz", "tg")},
        )
        by_key[code.seed_key] = code.pk
        created += 1
    terms = Term.objects.filter(vocabulary="violation", is_active=True, programme__isnull=True).order_by(
        "parent_id", "order")
    term_parent = {t.pk: t.parent_id for t in terms}
    term_code = {t.pk: t.code for t in terms}
    umbrella_key = "focus:violations"
    if umbrella_key not in have:
        umbrella = Code.objects.create(
            programme=programme, seed_key=umbrella_key, colour="#9e2a2b", order=len(FOCUS_AREAS),
            name_en="Violations of rights", name_ru="Нарушения прав", name_ky="Укук бузуулар",
            name_uz="Huquq buzilishlari", name_tg="Нақзи ҳуқуқҳо",
            definition="Acts and violations, from the programme's violation vocabulary (HURIDOCS and GBVIMS types).",
            created_by=actor,
        )
        by_key[umbrella_key] = umbrella.pk
        created += 1
    # Parents come before children in the vocabulary's own order, so one pass places every code.
    for i, term in enumerate(sorted(terms, key=lambda t: (t.parent_id is not None, t.order))):
        key = f"term:{term.code}"
        if key in have:
            continue
        parent_term = term_parent.get(term.pk)
        parent_key = f"term:{term_code[parent_term]}" if parent_term in term_code else umbrella_key
        code = Code.objects.create(
            programme=programme, seed_key=key, term=term, parent_id=by_key.get(parent_key), order=100 + i,
            colour=PALETTE[i % len(PALETTE)], definition=term.description, created_by=actor,
            name_en=term.label_en, name_ru=term.label_ru, name_ky=term.label_ky, name_uz=term.label_uz,
            name_tg=term.label_tg,
        )
        by_key[key] = code.pk
        created += 1
    if created:
        audit_write(actor=actor, action="codebook.seed", obj=programme, changes={"codes_created": created},
                    programme=programme)
    return created
