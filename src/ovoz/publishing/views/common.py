"""Small helpers shared by the publishing pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.http import url_has_allowed_host_and_scheme

from ovoz.accounts.roles import Role
from ovoz.programmes.access import get_partnership_for_user, get_programme_for_user, partnership_role


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def report(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def programme_for_publishing(user, programme_id):
    """The programme, for its coordinators and for its partnerships' mentors and researchers; 404 otherwise."""
    from ovoz.programmes.access import is_coordinator_of, memberships_of

    programme = get_programme_for_user(user, programme_id)
    team = any(m.programme_id == programme.pk and m.partnership_id and Role(m.role).can_see_partnership_evidence()
               for m in memberships_of(user))
    if not (team or is_coordinator_of(user, programme.pk)):
        raise Http404
    return programme


def partnership_to_write(user, programme, partnership_id):
    """The partnership a new finding or publication belongs to (None: regional, for coordinators)."""
    from ovoz.programmes.access import is_coordinator_of

    if partnership_id is None:
        if not is_coordinator_of(user, programme.pk):
            raise Http404
        return None
    partnership = get_partnership_for_user(user, partnership_id)
    if partnership.programme_id != programme.pk:
        raise Http404
    role = partnership_role(user, partnership)
    if not ((role and role.can_edit_evidence()) or is_coordinator_of(user, programme.pk)):
        raise Http404
    return partnership


def own_partnerships(user, programme):
    from ovoz.programmes.access import is_coordinator_of, memberships_of
    from ovoz.programmes.models import Partnership

    if is_coordinator_of(user, programme.pk):
        return Partnership.objects.filter(programme=programme).select_related("organisation")
    ids = [m.partnership_id for m in memberships_of(user)
           if m.partnership_id and m.programme_id == programme.pk and Role(m.role).can_edit_evidence()]
    return Partnership.objects.filter(pk__in=ids).select_related("organisation")
