"""The emergency lock: suspend every account of a partnership at once, and lift it again.

Locking, in one transaction:
* marks each account of the partnership's team inactive. Django's model backend refuses inactive accounts both
  at sign-in and when it loads the user of an existing session on every request, and the API's token check
  refuses them too, so nothing else needs to know about locks;
* deletes every stored session of those accounts, so a browser left open on a seized laptop is signed out at
  its next request;
* revokes every API token of those accounts. Tokens stay revoked after the lock is lifted: a token may sit on a
  seized device, so each person makes a new one.

Lifting restores each account to what it was before (an account already inactive stays inactive) unless
another active lock still holds it.
"""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.accounts.models import ApiToken, User
from ovoz.audit.services import audit_write
from ovoz.programmes.models import Membership
from ovoz.safety.models import LockedAccount, PartnershipLock

SESSION_USER_KEY = "_auth_user_id"


def team_of(partnership) -> list[User]:
    ids = Membership.objects.filter(partnership=partnership).values("user_id")
    return list(User.objects.filter(pk__in=ids).order_by("username"))


def end_sessions(user_ids: set[int]) -> dict[int, int]:
    """Delete the stored sessions of these accounts; returns how many each had."""
    ended: dict[int, int] = {}
    if settings.SESSION_ENGINE not in ("django.contrib.sessions.backends.db",
                                       "django.contrib.sessions.backends.cached_db"):
        return ended  # other engines: the inactive account is refused at the next request all the same
    wanted = {str(pk) for pk in user_ids}
    doomed = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        owner = session.get_decoded().get(SESSION_USER_KEY)
        if owner in wanted:
            doomed.append(session.session_key)
            ended[int(owner)] = ended.get(int(owner), 0) + 1
    if doomed:
        from django.contrib.sessions.backends.db import SessionStore

        for key in doomed:
            SessionStore(session_key=key).delete()
    return ended


def active_lock(partnership) -> PartnershipLock | None:
    return PartnershipLock.objects.filter(partnership=partnership, lifted_at__isnull=True).first()


@transaction.atomic
def partnership_lock(*, actor, partnership, reason: str = "") -> PartnershipLock:
    if active_lock(partnership) is not None:
        raise ValidationError(_("This partnership's accounts are locked already."))
    now = timezone.now()
    lock = PartnershipLock.objects.create(partnership=partnership, reason=reason.strip(),
                                          locked_by=actor if getattr(actor, "pk", None) else None, locked_at=now)
    team = team_of(partnership)
    ids = {u.pk for u in team}
    sessions = end_sessions(ids)
    tokens: dict[int, int] = {}
    for token in ApiToken.objects.filter(user_id__in=ids, revoked_at__isnull=True):
        tokens[token.user_id] = tokens.get(token.user_id, 0) + 1
    ApiToken.objects.filter(user_id__in=ids, revoked_at__isnull=True).update(revoked_at=now)
    # Someone already held by another partnership's lock keeps what she was before that lock.
    held = dict(
        LockedAccount.objects.filter(lock__lifted_at__isnull=True, user_id__in=ids)
        .exclude(lock=lock).values_list("user_id", "was_active")
    )
    LockedAccount.objects.bulk_create(
        LockedAccount(lock=lock, user=u, was_active=held.get(u.pk, u.is_active), sessions_ended=sessions.get(u.pk, 0),
                      tokens_revoked=tokens.get(u.pk, 0))
        for u in team
    )
    User.objects.filter(pk__in=ids).update(is_active=False)
    audit_write(
        actor=actor, action="partnership.lock", obj=partnership, partnership=partnership,
        changes={
            "accounts": {"old": None, "new": sorted(u.username for u in team)},
            "sessions_ended": {"old": None, "new": sum(sessions.values())},
            "tokens_revoked": {"old": None, "new": sum(tokens.values())},
        },
    )
    return lock


@transaction.atomic
def partnership_unlock(*, actor, partnership) -> PartnershipLock:
    lock = active_lock(partnership)
    if lock is None:
        raise ValidationError(_("This partnership's accounts are not locked."))
    lock.lifted_at = timezone.now()
    lock.lifted_by = actor if getattr(actor, "pk", None) else None
    lock.save(update_fields=["lifted_at", "lifted_by"])
    accounts = list(lock.accounts.select_related("user"))
    still_held = set(
        LockedAccount.objects.filter(lock__lifted_at__isnull=True, user_id__in=[a.user_id for a in accounts])
        .values_list("user_id", flat=True)
    )
    restored = [a.user for a in accounts if a.was_active and a.user_id not in still_held]
    User.objects.filter(pk__in=[u.pk for u in restored]).update(is_active=True)
    audit_write(actor=actor, action="partnership.unlock", obj=partnership, partnership=partnership,
                changes={"accounts": {"old": None, "new": sorted(u.username for u in restored)}})
    return lock
