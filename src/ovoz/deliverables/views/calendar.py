"""Her secret calendar address: the page to make or reset it, and the feed itself."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ovoz.deliverables.ical import build_calendar
from ovoz.deliverables.models import CalendarFeed
from ovoz.deliverables.services import calendar_feed_mark_used, calendar_feed_reset, calendar_feed_stop

MAX_TOKEN_LENGTH = 100


def _feed_urls(request, token: str) -> tuple[str, str]:
    url = request.build_absolute_uri(reverse("deliverables:calendar_feed", kwargs={"token": token}))
    return url, "webcal://" + url.split("://", 1)[1]


@login_required
def calendar_view(request):
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(request, "deliverables/calendar.html", {"feed": feed})


@login_required
@require_POST
def calendar_reset_view(request):
    """Make a new address and show it once; the old one stops working."""
    feed, token = calendar_feed_reset(actor=request.user, user=request.user)
    url, webcal = _feed_urls(request, token)
    return render(request, "deliverables/calendar.html", {"feed": feed, "url": url, "webcal": webcal})


@login_required
@require_POST
def calendar_stop_view(request):
    calendar_feed_stop(actor=request.user, user=request.user)
    messages.success(request, _("Your calendar address no longer works."))
    return redirect("deliverables:calendar")


@require_GET
def calendar_feed_view(request, token: str):
    """The feed a calendar app fetches without signing in: the secret in the address is the key."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise Http404
    feed = CalendarFeed.objects.select_related("user").filter(digest=CalendarFeed.hash(token)).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    calendar_feed_mark_used(feed)
    user = feed.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        body = build_calendar(user, base_url=request.build_absolute_uri("/"), name=_("Ovoz: deadlines and trainings"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ovoz.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
