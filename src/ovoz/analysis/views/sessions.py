"""Participatory sessions as the partnership's team sees them: the list, creating and editing a session,
preparing its excerpts (from codings of a code, or a stretch of a source), opening and closing it.

Only the partnership's mentor and researchers prepare sessions (``get_session_for_user(write=True)``);
coordinators never see them, and co-researchers only reach the room (``sessions_room``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, F, IntegerField, Q, Value
from django.db.models.functions import Least, Substr
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis import access
from ovoz.analysis.forms.sessions import ExcerptTextForm, SessionForm, SpanForm
from ovoz.analysis.models import Excerpt, ParticipatorySession
from ovoz.analysis.services import sessions as services
from ovoz.evidence.services.sources import team_members
from ovoz.evidence.views.sources import query_without_page
from ovoz.programmes.access import can_edit_evidence, get_partnership_for_user
from ovoz.web.pagination import paginate

LONG_TEXTS = ("transcript", "translation_en", "notes", "stakeholders_present", "outcomes")


@login_required
def session_list_view(request):
    """The sessions one runs (as a partnership's team) or is invited to (as a co-researcher, once open)."""
    user = request.user
    sessions = (
        access.sessions_visible_to(user)
        .annotate(n_excerpts=Count("excerpts", distinct=True))
        .order_by(F("date").desc(nulls_last=True), "-created_at")
    )
    page = paginate(request, sessions, per_page=25)
    for session in page:
        session.runs = access.can_run_session(user, session)
    from ovoz.programmes.access import memberships_of

    partnerships = [m.partnership for m in memberships_of(user)
                    if m.partnership_id and can_edit_evidence(user, m.partnership)]
    return render(request, "analysis/session_list.html", {"page": page, "partnerships": partnerships})


def _session_form(partnership, data=None, initial=None):
    return SessionForm(data, initial=initial, team=team_members(partnership).filter(
        pk__in=services.Membership.objects.filter(
            partnership=partnership, role__in=["mentor", "researcher"]).values("user_id")),
        co_researchers=services.invitable_co_researchers(partnership))


@login_required
def session_create_view(request, pk: int):
    partnership = get_partnership_for_user(request.user, pk)
    if not can_edit_evidence(request.user, partnership):
        raise Http404
    form = _session_form(partnership, request.POST or None, initial={"facilitator": request.user.pk})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            session = services.session_create(
                actor=request.user, partnership=partnership, title=d["title"], date=d["date"], place=d["place"],
                facilitator=d["facilitator"], co_researchers=d["co_researchers"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The session is created. Now add the excerpts the group will read."))
            return redirect("analysis:session_prepare", pk=session.pk)
    return render(request, "analysis/session_form.html", {"form": form, "partnership": partnership},
                  status=400 if form.is_bound else 200)


@login_required
def session_edit_view(request, pk: int):
    session = access.get_session_for_user(request.user, pk, write=True)
    initial = {"title": session.title, "date": session.date, "place": session.place,
               "facilitator": session.facilitator_id,
               "co_researchers": list(session.co_researchers.values_list("pk", flat=True))}
    form = _session_form(session.partnership, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.session_update(actor=request.user, session=session, title=d["title"], date=d["date"],
                                    place=d["place"], facilitator=d["facilitator"])
            services.session_invite(actor=request.user, session=session, co_researchers=d["co_researchers"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The session is saved."))
            return redirect("analysis:session_prepare", pk=session.pk)
    return render(request, "analysis/session_form.html", {
        "form": form, "partnership": session.partnership, "session": session,
    }, status=400 if form.is_bound else 200)


def _pickable_codings(user, session, code_id):
    """Codings of the chosen code on the session's partnership's analysable sources, with their text."""
    return (
        access.codings_visible_to(user)
        .filter(code_id=code_id, source__partnership=session.partnership)
        .select_related("source")
        .defer(*[f"source__{f}" for f in LONG_TEXTS])
        .annotate(snippet=Substr("source__transcript", F("start") + 1,
                                 Least(F("end") - F("start"), Value(300), output_field=IntegerField())))
        .order_by("source__title", "start", "pk")
    )


@login_required
def session_prepare_view(request, pk: int):
    user = request.user
    session = access.get_session_for_user(user, pk, write=True)
    excerpts = list(session.excerpts.select_related("source").defer(*[f"source__{f}" for f in LONG_TEXTS]))
    check = services.IdentityCheck(session.partnership)
    shown = set(services.session_excerpts(session).values_list("pk", flat=True))
    for excerpt in excerpts:
        excerpt.warnings = check.warnings(excerpt.text)
        excerpt.hidden = excerpt.pk not in shown
        excerpt.form = ExcerptTextForm(initial={"text": excerpt.text}, prefix=f"e{excerpt.pk}")
    codes = list(
        access.codes_visible_to(user).filter(programme=session.partnership.programme)
        .filter(Q(partnership__isnull=True) | Q(partnership=session.partnership)).order_by("order", "name_en")
    )
    code_id = request.GET.get("code", "")
    picked = None
    if code_id.isdigit() and any(c.pk == int(code_id) for c in codes):
        picked = paginate(request, _pickable_codings(user, session, int(code_id)), per_page=20)
    sources = services.analysable_sources_of(session.partnership).defer(*LONG_TEXTS).order_by("title")
    return render(request, "analysis/session_prepare.html", {
        "session": session, "excerpts": excerpts, "codes": codes, "code_id": code_id, "picked": picked,
        "span_form": SpanForm(sources=[(s.pk, s.title) for s in sources]),
        "co_researchers": session.co_researchers.order_by("full_name", "username"),
        "query": query_without_page(request), "editable": session.status != ParticipatorySession.Status.CLOSED,
        "any_warning": any(e.warnings for e in excerpts),
    })


@login_required
@require_POST
def excerpt_add_view(request, pk: int):
    user = request.user
    session = access.get_session_for_user(user, pk, write=True)
    try:
        if request.POST.get("coding"):
            coding = access.get_coding_for_user(user, request.POST["coding"])
            excerpt = services.excerpt_from_coding(actor=user, session=session, coding=coding)
        else:
            sources = services.analysable_sources_of(session.partnership).defer(*LONG_TEXTS).order_by("title")
            form = SpanForm(request.POST, sources=[(s.pk, s.title) for s in sources])
            if not form.is_valid():
                raise ValidationError(_("Choose a source and a stretch of its text (from and to character)."))
            source = access.get_analysable_source_for_user(user, form.cleaned_data["source"])
            excerpt = services.excerpt_add(actor=user, session=session, source=source,
                                           start=form.cleaned_data["start"], end=form.cleaned_data["end"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The excerpt is added. Take out names and places before opening the session."))
        for warning in services.warnings_for(excerpt.text, session.partnership):
            messages.warning(request, warning)
    return redirect("analysis:session_prepare", pk=session.pk)


def _excerpt_for_change(user, pk) -> Excerpt:
    excerpt = get_object_or_404(Excerpt.objects.select_related("session"), pk=pk)
    # The session decides: its team only; 404 for anyone else.
    access.get_session_for_user(user, excerpt.session_id, write=True)
    return excerpt


@login_required
@require_POST
def excerpt_edit_view(request, pk: int):
    excerpt = _excerpt_for_change(request.user, pk)
    form = ExcerptTextForm(request.POST, prefix=f"e{excerpt.pk}")
    if not form.is_valid():
        messages.error(request, _("An excerpt needs some text."))
    else:
        try:
            services.excerpt_update(actor=request.user, excerpt=excerpt, text=form.cleaned_data["text"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The excerpt is saved."))
            for warning in services.warnings_for(excerpt.text, excerpt.session.partnership):
                messages.warning(request, warning)
    return redirect(f"{_prepare_url(excerpt.session_id)}#excerpt-{excerpt.pk}")


def _prepare_url(session_id):
    from django.urls import reverse

    return reverse("analysis:session_prepare", args=[session_id])


@login_required
@require_POST
def excerpt_move_view(request, pk: int):
    excerpt = _excerpt_for_change(request.user, pk)
    try:
        services.excerpt_move(actor=request.user, excerpt=excerpt, offset=-1 if request.POST.get("to") == "up" else 1)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{_prepare_url(excerpt.session_id)}#excerpt-{excerpt.pk}")


@login_required
def excerpt_remove_view(request, pk: int):
    excerpt = _excerpt_for_change(request.user, pk)
    if request.method == "POST":
        session_id = excerpt.session_id
        try:
            services.excerpt_remove(actor=request.user, excerpt=excerpt)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The excerpt is removed from the session."))
        return redirect("analysis:session_prepare", pk=session_id)
    return render(request, "analysis/session_excerpt_remove.html", {"excerpt": excerpt})


@login_required
@require_POST
def session_status_view(request, pk: int):
    session = access.get_session_for_user(request.user, pk, write=True)
    action = request.POST.get("action")
    try:
        if action == "open":
            services.session_open(actor=request.user, session=session)
            messages.success(request, _("The session is open: the invited co-researchers can now read its "
                                        "excerpts in the room."))
        elif action == "close":
            services.session_close(actor=request.user, session=session)
            messages.success(request, _("The session is closed. Its excerpts and memos stay readable."))
        else:
            messages.error(request, _("Choose to open or close the session."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("analysis:session_prepare", pk=session.pk)
