from django.conf import settings


def ovoz_context(request):
    user = getattr(request, "user", None)
    is_coordinator = False
    is_team = False
    show_nav = False
    can_search = False
    if user is not None and user.is_authenticated:
        from ovoz.accounts.security import requires_second_factor
        from ovoz.programmes.access import coordinated_programme_ids, memberships_of

        is_coordinator = user.is_superuser or bool(coordinated_programme_ids(user))
        # Coordinators and partnership teams work with deliverables, events and evidence; viewers do not.
        is_team = is_coordinator or any(m.role != "viewer" for m in memberships_of(user))
        # Until the second step is done, the pages behind the navigation are not reachable anyway.
        show_nav = user.is_verified() or not requires_second_factor(user)
        from ovoz.search.access import can_search as _can_search

        # Co-researchers work in the sessions they are invited to; search reaches evidence they may not see.
        can_search = _can_search(user)
    return {
        "OVOZ_DEMO": settings.OVOZ_DEMO,
        "nav_is_coordinator": is_coordinator,
        "show_nav": show_nav,
        "nav_is_team": is_team,
        "nav_can_search": can_search,
        "LANGUAGE_CHOICES": settings.LANGUAGES,
    }
