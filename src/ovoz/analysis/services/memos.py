"""Memos: the researchers' notes on codes, codings, sources, sessions and the project."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.analysis.models import Memo
from ovoz.audit.services import audit_write
from ovoz.evidence.services.sources import seal


@transaction.atomic
def memo_create(*, actor, programme, text: str, title: str = "", partnership=None, code=None, coding=None,
                source=None, session=None) -> Memo:
    if not (text or "").strip():
        raise ValidationError(_("A memo needs some text."))
    targets = [t for t in (code, coding, source, session) if t is not None]
    if len(targets) > 1:
        raise ValidationError(_("A memo is attached to one thing only."))
    if coding is not None:
        partnership = coding.source.partnership
    elif source is not None:
        partnership = source.partnership
    elif session is not None:
        partnership = session.partnership
    elif code is not None and code.partnership_id:
        partnership = code.partnership
    if partnership is not None and partnership.programme_id != programme.pk:
        raise ValidationError(_("This partnership is not in the programme."))
    memo = Memo.objects.create(
        programme=programme, partnership=partnership, code=code, coding=coding, source=source, session=session,
        title=title.strip(), text=text, author=actor,
    )
    audit_write(actor=actor, action="memo.create", obj=memo, programme=programme, partnership=partnership,
                changes={"target": memo.target_kind, "text": seal(text)}, object_repr=memo.title or memo.target_kind)
    return memo


@transaction.atomic
def memo_update(*, actor, memo: Memo, text: str, title: str | None = None) -> Memo:
    if not (text or "").strip():
        raise ValidationError(_("A memo needs some text."))
    changes = {"text": {"old": seal(memo.text), "new": seal(text)}} if text != memo.text else {}
    memo.text = text
    if title is not None and title.strip() != memo.title:
        changes["title"] = {"old": memo.title, "new": title.strip()}
        memo.title = title.strip()
    if changes:
        memo.updated_at = timezone.now()
        memo.save()
        audit_write(actor=actor, action="memo.update", obj=memo, programme=memo.programme,
                    partnership=memo.partnership, changes=changes, object_repr=memo.title or memo.target_kind)
    return memo


@transaction.atomic
def memo_delete(*, actor, memo: Memo) -> None:
    audit_write(
        actor=actor, action="memo.delete", obj=memo, programme=memo.programme, partnership=memo.partnership,
        changes={"target": memo.target_kind, "text": seal(memo.text)}, object_repr=memo.title or memo.target_kind,
    )
    memo.delete()
