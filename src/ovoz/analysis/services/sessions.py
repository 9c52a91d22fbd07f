"""Participatory analysis sessions: a researcher prepares anonymised excerpts, invites the partnership's
community co-researchers, opens the session, and the group's reading is recorded as memos.

Excerpts are copies of a stretch of a transcript that the researcher edits (names and places taken out) before
the session opens; the co-researchers see those copies and nothing else. An excerpt is shown only while its
source still allows analysis: if a participant withdraws, her excerpts leave the room.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from ovoz.accounts.roles import Role
from ovoz.analysis.models import Coding, Excerpt, Memo, ParticipatorySession
from ovoz.analysis.services.memos import memo_create
from ovoz.audit.services import audit_write
from ovoz.evidence.access import with_consent
from ovoz.evidence.models import ConsentScope, Participant, Source
from ovoz.evidence.services.sources import seal
from ovoz.programmes.models import Membership

Status = ParticipatorySession.Status
SESSION_FIELDS = ("title", "date", "place", "facilitator")
# Names shorter than this are too common as ordinary words to be worth a warning.
MIN_NAME_WORD = 3


def _audit(actor, action, session, changes=None):
    audit_write(actor=actor, action=action, obj=session, changes=changes or {},
                programme=session.partnership.programme, partnership=session.partnership)


# --- reading --------------------------------------------------------------------------------------------------


def analysable_sources_of(partnership) -> QuerySet[Source]:
    """The partnership's sources whose participants all still allow analysis (what its team may analyse)."""
    return with_consent(Source.objects.filter(partnership=partnership), ConsentScope.ANALYSIS.value)


def session_excerpts(session: ParticipatorySession) -> QuerySet[Excerpt]:
    """The excerpts the room shows: only those whose source still allows analysis."""
    sources = analysable_sources_of(session.partnership).order_by().values("pk")
    return session.excerpts.filter(source_id__in=sources).order_by("order", "pk")


def session_memos(session: ParticipatorySession) -> QuerySet[Memo]:
    """The session's memos, less those on an excerpt that has left the room."""
    shown = session_excerpts(session).values("pk")
    return (
        Memo.objects.filter(session=session)
        .exclude(excerpt__isnull=False, excerpt_id__in=Excerpt.objects.exclude(pk__in=shown).values("pk"))
        .select_related("author", "excerpt")
        .order_by("created_at", "pk")
    )


def invitable_co_researchers(partnership):
    """Only the partnership's own community co-researchers may be invited."""
    from ovoz.accounts.models import User

    ids = Membership.objects.filter(partnership=partnership, role=Role.CO_RESEARCHER).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("full_name", "username")


def is_invited(user, session: ParticipatorySession) -> bool:
    return session.co_researchers.filter(pk=user.pk).exists()


def can_write_in_room(user, session: ParticipatorySession) -> bool:
    """While the session is open, its team and its invited co-researchers record the group's reading."""
    from ovoz.analysis.access import can_run_session

    if session.status != Status.OPEN:
        return False
    return can_run_session(user, session) or is_invited(user, session)


class IdentityCheck:
    """Finds a partnership's participant codes, and words of its participants' registered names, in a text.

    Loaded once per page, then checks any number of excerpts. Names are never reported (the person preparing
    may not be allowed to see them): only that one was found.
    """

    def __init__(self, partnership):
        participants = list(Participant.objects.filter(partnership=partnership).only("code", "name"))
        self.codes = sorted({p.code for p in participants if p.code})
        self.name_words = {
            w for p in participants for w in re.findall(r"\w+", (p.name or "").casefold()) if len(w) >= MIN_NAME_WORD
        }

    def codes_in(self, text: str) -> list[str]:
        folded = text.casefold()
        return [code for code in self.codes if code.casefold() in folded]

    def has_name(self, text: str) -> bool:
        return bool(self.name_words & set(re.findall(r"\w+", text.casefold())))

    def warnings(self, text: str) -> list[str]:
        out = []
        if codes := self.codes_in(text):
            out.append(_("This excerpt contains participant codes: %(codes)s. Replace them before opening the "
                         "session.") % {"codes": ", ".join(codes)})
        if self.has_name(text):
            out.append(_("This excerpt seems to contain a word of a participant's registered name. Check it before "
                         "opening the session."))
        return out


def warnings_for(text: str, partnership) -> list[str]:
    return IdentityCheck(partnership).warnings(text)


# --- sessions -------------------------------------------------------------------------------------------------


def _check_facilitator(partnership, facilitator):
    if facilitator is not None and not Membership.objects.filter(
        partnership=partnership, user=facilitator, role__in=[Role.MENTOR, Role.RESEARCHER]
    ).exists():
        raise ValidationError(_("The facilitator must be a mentor or researcher of this partnership."))


def _check_co_researchers(partnership, users) -> list:
    users = list(users)
    allowed = set(invitable_co_researchers(partnership).values_list("pk", flat=True))
    if any(u.pk not in allowed for u in users):
        raise ValidationError(_("Only community co-researchers of this partnership can be invited."))
    return users


@transaction.atomic
def session_create(*, actor, partnership, title: str, date=None, place: str = "", facilitator=None,
                   co_researchers=()) -> ParticipatorySession:
    if not (title or "").strip():
        raise ValidationError(_("A session needs a title."))
    _check_facilitator(partnership, facilitator)
    invited = _check_co_researchers(partnership, co_researchers)
    session = ParticipatorySession.objects.create(
        partnership=partnership, title=title.strip(), date=date, place=place.strip(), facilitator=facilitator,
        created_by=actor,
    )
    session.co_researchers.set(invited)
    _audit(actor, "session.create", session, {"title": session.title, "co_researchers": [u.pk for u in invited]})
    return session


@transaction.atomic
def session_update(*, actor, session: ParticipatorySession, **values) -> ParticipatorySession:
    unknown = set(values) - set(SESSION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown session fields: {sorted(unknown)}")
    if "title" in values and not (values["title"] or "").strip():
        raise ValidationError(_("A session needs a title."))
    if "facilitator" in values:
        _check_facilitator(session.partnership, values["facilitator"])
    changes = {}
    for name, new in values.items():
        old = getattr(session, name)
        if old != new:
            changes[name] = {"old": getattr(old, "pk", old), "new": getattr(new, "pk", new)}
            setattr(session, name, new)
    if changes:
        session.save()
        _audit(actor, "session.update", session, {k: {"old": str(v["old"]), "new": str(v["new"])}
                                                  for k, v in changes.items()})
    return session


@transaction.atomic
def session_invite(*, actor, session: ParticipatorySession, co_researchers) -> ParticipatorySession:
    """Set who is invited: co-researchers of the session's partnership only."""
    invited = _check_co_researchers(session.partnership, co_researchers)
    before = set(session.co_researchers.values_list("pk", flat=True))
    after = {u.pk for u in invited}
    if before != after:
        session.co_researchers.set(invited)
        _audit(actor, "session.invite", session, {"added": sorted(after - before), "removed": sorted(before - after)})
    return session


@transaction.atomic
def session_open(*, actor, session: ParticipatorySession) -> ParticipatorySession:
    if session.status == Status.OPEN:
        return session
    if not session_excerpts(session).exists():
        raise ValidationError(_("Add at least one excerpt before opening the session."))
    old = session.status
    session.status = Status.OPEN
    session.save(update_fields=["status"])
    _audit(actor, "session.open", session, {"status": {"old": old, "new": session.status}})
    return session


@transaction.atomic
def session_close(*, actor, session: ParticipatorySession) -> ParticipatorySession:
    if session.status != Status.CLOSED:
        old = session.status
        session.status = Status.CLOSED
        session.save(update_fields=["status"])
        _audit(actor, "session.close", session, {"status": {"old": old, "new": session.status}})
    return session


# --- excerpts -------------------------------------------------------------------------------------------------


def _check_editable(session):
    if session.status == Status.CLOSED:
        raise ValidationError(_("This session is closed: its excerpts can no longer change."))


@transaction.atomic
def excerpt_add(*, actor, session: ParticipatorySession, source: Source, start: int, end: int,
                text: str | None = None, coding: Coding | None = None) -> Excerpt:
    """Copy ``source.transcript[start:end]`` (or the given text) into the session, at the end."""
    _check_editable(session)
    if source.partnership_id != session.partnership_id:
        raise ValidationError(_("Excerpts come from the session's own partnership's sources."))
    if not analysable_sources_of(session.partnership).filter(pk=source.pk).exists():
        raise ValidationError(_("A participant of this source does not allow use in analysis."))
    if coding is not None and coding.source_id != source.pk:
        raise ValidationError(_("This coding is not on that source."))
    length = len(source.transcript)
    if not (0 <= start < end <= length):
        raise ValidationError(_("Choose a stretch between 0 and %(length)s characters, with the start before the "
                                "end.") % {"length": length})
    copied = source.transcript[start:end] if text is None else text
    if not copied.strip():
        raise ValidationError(_("An excerpt needs some text."))
    order = (session.excerpts.aggregate(m=Max("order"))["m"] or 0) + 1
    excerpt = Excerpt.objects.create(session=session, source=source, coding=coding, start=start, end=end,
                                     text=copied, order=order)
    _audit(actor, "session.excerpt_add", session, {
        "excerpt": excerpt.pk, "source": source.pk, "start": start, "end": end, "text": seal(copied),
    })
    return excerpt


def excerpt_from_coding(*, actor, session, coding: Coding) -> Excerpt:
    return excerpt_add(actor=actor, session=session, source=coding.source, start=coding.start, end=coding.end,
                       coding=coding)


@transaction.atomic
def excerpt_update(*, actor, excerpt: Excerpt, text: str) -> Excerpt:
    _check_editable(excerpt.session)
    if not (text or "").strip():
        raise ValidationError(_("An excerpt needs some text."))
    if text != excerpt.text:
        old = excerpt.text
        excerpt.text = text
        excerpt.save(update_fields=["text"])
        _audit(actor, "session.excerpt_update", excerpt.session, {
            "excerpt": excerpt.pk, "text": {"old": seal(old), "new": seal(text)},
        })
    return excerpt


@transaction.atomic
def excerpt_remove(*, actor, excerpt: Excerpt) -> None:
    _check_editable(excerpt.session)
    _audit(actor, "session.excerpt_remove", excerpt.session, {"excerpt": excerpt.pk, "text": seal(excerpt.text)})
    excerpt.delete()


@transaction.atomic
def excerpts_reorder(*, actor, session: ParticipatorySession, ids: list[int]) -> None:
    """Put the session's excerpts in the order of ``ids`` (every excerpt once)."""
    _check_editable(session)
    have = list(session.excerpts.values_list("pk", flat=True))
    if sorted(have) != sorted(ids) or len(set(ids)) != len(ids):
        raise ValidationError(_("Give every excerpt of the session once."))
    for position, pk in enumerate(ids, start=1):
        Excerpt.objects.filter(pk=pk).update(order=position)
    _audit(actor, "session.excerpt_reorder", session, {"order": ids})


def excerpt_move(*, actor, excerpt: Excerpt, offset: int) -> None:
    """Move an excerpt one place up (-1) or down (+1)."""
    ids = list(excerpt.session.excerpts.order_by("order", "pk").values_list("pk", flat=True))
    i = ids.index(excerpt.pk)
    j = max(0, min(len(ids) - 1, i + offset))
    if i != j:
        ids[i], ids[j] = ids[j], ids[i]
        excerpts_reorder(actor=actor, session=excerpt.session, ids=ids)


# --- the group's reading --------------------------------------------------------------------------------------


@transaction.atomic
def session_memo_create(*, actor, session: ParticipatorySession, text: str, title: str = "",
                        excerpt: Excerpt | None = None) -> Memo:
    """A memo of the group's reading, on the session or one of its excerpts shown in the room."""
    if not can_write_in_room(actor, session):
        raise ValidationError(_("Memos are written in the room while the session is open."))
    if excerpt is not None and not session_excerpts(session).filter(pk=excerpt.pk).exists():
        raise ValidationError(_("This excerpt is not in the session."))
    memo = memo_create(actor=actor, programme=session.partnership.programme, text=text, title=title,
                       session=session)
    if excerpt is not None:
        memo.excerpt = excerpt
        memo.save(update_fields=["excerpt"])
    return memo
