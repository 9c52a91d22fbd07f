from django.conf import settings


def ovoz_context(request):
    user = getattr(request, "user", None)
    is_coordinator = False
    if user is not None and user.is_authenticated:
        from ovoz.programmes.access import coordinated_programme_ids

        is_coordinator = user.is_superuser or bool(coordinated_programme_ids(user))
    return {
        "OVOZ_DEMO": settings.OVOZ_DEMO,
        "nav_is_coordinator": is_coordinator,
        "LANGUAGE_CHOICES": settings.LANGUAGES,
    }
