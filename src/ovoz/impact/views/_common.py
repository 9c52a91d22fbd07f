"""Helpers shared by the impact pages."""

from django.http import Http404

from ovoz.impact import access
from ovoz.programmes.access import get_programme_for_user, is_coordinator_of, partnerships_visible_to
from ovoz.web.params import int_or_none


def impact_programme(user, programme_id: int):
    """The programme whose impact pages she opens: its coordinators and its partnership teams; else 404."""
    programme = get_programme_for_user(user, programme_id)
    if not access.can_see_programme_impact(user, programme.pk):
        raise Http404
    return programme


def write_target(request, programme):
    """The partnership named by ``?partnership=`` (or the form) that she may write for, or None for the
    programme itself, which only its coordinators write for."""
    wanted = int_or_none(request.GET.get("partnership") or request.POST.get("partnership"))
    if wanted is None:
        if not is_coordinator_of(request.user, programme.pk):
            raise Http404
        return None
    partnership = partnerships_visible_to(request.user).filter(programme=programme, pk=wanted).first()
    if partnership is None or not access.can_edit_partnership(request.user, partnership):
        raise Http404
    return partnership


def writable_partnerships(user, programme) -> list:
    return [p for p in partnerships_visible_to(user).filter(programme=programme)
            if access.can_edit_partnership(user, p)]


def partnership_filter(request, user, programme, qs, field: str = "partnership"):
    """Apply ``?partnership=`` among the partnerships she may see; returns (qs, chosen id as text, choices)."""
    choices = list(partnerships_visible_to(user).filter(programme=programme))
    chosen = int_or_none(request.GET.get("partnership"))
    if chosen in {p.pk for p in choices}:
        return qs.filter(**{f"{field}_id": chosen}), str(chosen), choices
    return qs, "", choices
