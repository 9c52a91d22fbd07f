"""Event lists, one event, and creating, editing and deleting events."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.accounts.security import reauth_redirect
from ovoz.events import access
from ovoz.events.forms import EventForm
from ovoz.events.models import Event, Invitation
from ovoz.events.results import attendance_counts
from ovoz.events.services import event_create, event_delete, event_update
from ovoz.programmes.access import get_programme_for_user, is_coordinator_of, programmes_visible_to
from ovoz.web.pagination import paginate
from ovoz.web.params import int_or_none as _int

PER_PAGE = 20



def _event_list(request, *, programme=None):
    user = request.user
    base = access.events_visible_to(user)
    programmes = []
    if programme is not None:
        base = base.filter(programme=programme)
    else:
        ids = access.event_programme_ids(user)
        visible = programmes_visible_to(user)
        programmes = list(visible if ids is None else visible.filter(pk__in=ids))
    filters = {
        "kind": request.GET.get("kind", ""),
        "year": request.GET.get("year", ""),
        "when": request.GET.get("when", ""),
        "mine": request.GET.get("mine", ""),
        "programme": request.GET.get("programme", "") if programme is None else "",
    }
    qs = base
    if filters["programme"] and _int(filters["programme"]) in {p.pk for p in programmes}:
        qs = qs.filter(programme_id=int(filters["programme"]))
    else:
        filters["programme"] = ""
    if filters["kind"] in Event.Kind.values:
        qs = qs.filter(kind=filters["kind"])
    else:
        filters["kind"] = ""
    if _int(filters["year"]):
        qs = qs.filter(starts_on__year=int(filters["year"]))
    else:
        filters["year"] = ""
    today = timezone.localdate()
    if filters["when"] == "upcoming":
        qs = qs.filter(ends_on__gte=today).order_by("starts_on", "pk")
    elif filters["when"] == "past":
        qs = qs.filter(ends_on__lt=today).order_by("-starts_on", "-pk")
    else:
        filters["when"] = ""
        qs = qs.order_by("starts_on", "pk")
    if filters["mine"]:
        filters["mine"] = "1"
        qs = qs.filter(pk__in=Invitation.objects.filter(user=user).values("event_id"))
    mine = Invitation.objects.filter(event=OuterRef("pk"), user=user).values("status")[:1]
    qs = qs.annotate(
        n_invited=Count("invitations", distinct=True),
        n_attended=Count("invitations", filter=Q(invitations__status=Invitation.Status.ATTENDED), distinct=True),
        my_status=Subquery(mine),
    )
    page = paginate(request, qs, per_page=PER_PAGE)
    years = [d.year for d in base.dates("starts_on", "year", order="DESC")]
    return render(
        request,
        "events/event_list.html",
        {
            "programme": programme,
            "programmes": programmes if len(programmes) > 1 else [],
            "page": page,
            "filters": filters,
            "query": urlencode({k: v for k, v in filters.items() if v}),
            "kinds": Event.Kind.choices,
            "years": years,
            "statuses": dict(Invitation.Status.choices),
            "can_create": programme is not None and is_coordinator_of(user, programme.pk),
        },
    )


@login_required
def event_index_view(request):
    """Every event she may see, across her programmes (the navigation's "Events")."""
    return _event_list(request)


@login_required
def event_list_view(request, programme_id: int):
    programme = get_programme_for_user(request.user, programme_id)
    if not access.can_see_programme_events(request.user, programme.pk):
        raise Http404
    return _event_list(request, programme=programme)


@login_required
def event_create_view(request, programme_id: int):
    programme = get_programme_for_user(request.user, programme_id, write=True)
    form = EventForm(request.POST or None, initial={"status": Event.Status.PLANNED})
    if request.method == "POST" and form.is_valid():
        try:
            event = event_create(actor=request.user, programme=programme, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The event is created. Add its agenda and expected outputs next."))
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/event_form.html", {"form": form, "programme": programme, "event": None})


@login_required
def event_detail_view(request, pk: int):
    user = request.user
    event = access.get_event_for_user(user, pk)
    invitation = access.own_invitation(user, event)
    can_answer = access.can_answer_evaluation(user, event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "is_manager": access.can_manage_event(user, event),
            "invitation": invitation,
            "can_answer": can_answer,
            "has_answered": can_answer and access.own_response(user, event) is not None,
            "agenda": event.agenda.all(),
            "outputs": event.outputs.all(),
            "materials": event.materials.all(),
            "counts": attendance_counts(event),
        },
    )


@login_required
def event_edit_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    initial = {name: getattr(event, name) for name in EventForm.base_fields}
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event_update(actor=request.user, event=event, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The event is saved."))
            return redirect("events:detail", pk=event.pk)
    return render(request, "events/event_form.html", {"form": form, "programme": event.programme, "event": event})


@login_required
def event_delete_view(request, pk: int):
    """Deleting an event removes its agenda, invitations, evaluation and materials: password, then confirmation."""
    event = access.get_event_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        programme_id = event.programme_id
        event_delete(actor=request.user, event=event)
        messages.success(request, _("The event is deleted."))
        return redirect("events:list", programme_id=programme_id)
    return render(
        request,
        "events/event_delete.html",
        {"event": event, "counts": attendance_counts(event), "n_materials": event.materials.count(),
         "n_responses": event.responses.count()},
    )
