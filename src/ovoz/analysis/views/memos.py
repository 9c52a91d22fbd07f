"""Memos: the list of a programme's memos, and writing, editing and deleting one.

``analysis:memo_create`` takes what the memo is about from the query string (``code=``, ``coding=``,
``source=``, ``session=``, or ``partnership=`` / ``programme=`` for a project memo) and ``next=``, a page on this
site to return to. Each target is fetched through its access function, so a memo can only be written on what
the person may see; only its author edits or deletes a memo.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from ovoz.accounts.models import User
from ovoz.analysis import access
from ovoz.analysis.forms.memos import MemoFilterForm, MemoForm
from ovoz.analysis.services.memos import memo_create, memo_delete, memo_update
from ovoz.analysis.views.codebook_common import programme_for_analysis, team_partnership_ids
from ovoz.evidence.views.sources import query_without_page
from ovoz.programmes.access import get_partnership_for_user, get_programme_for_user, is_coordinator_of
from ovoz.programmes.models import Partnership
from ovoz.web.pagination import paginate

TARGETS = ("coding", "code", "source", "session", "partnership", "programme")


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


def memo_target(user, params) -> dict:
    """Resolve the one target named in ``params``: {"kind", "obj", "programme", "partnership", "label"}."""
    named = [k for k in TARGETS[:4] if params.get(k)] or [k for k in TARGETS[4:] if params.get(k)]
    if len(named) != 1:
        raise Http404
    kind = named[0]
    pk = params.get(kind)
    if kind == "coding":
        obj = access.get_coding_for_user(user, pk)
        return {"kind": kind, "obj": obj, "programme": obj.source.partnership.programme,
                "partnership": obj.source.partnership, "label": obj.source.title}
    if kind == "code":
        obj = access.get_code_for_user(user, pk)
        return {"kind": kind, "obj": obj, "programme": obj.programme, "label": obj.name(),
                "partnership": obj.partnership or _own_partnership(user, obj.programme, params.get("partnership"))}
    if kind == "source":
        obj = access.get_analysable_source_for_user(user, pk)
        return {"kind": kind, "obj": obj, "programme": obj.partnership.programme, "partnership": obj.partnership,
                "label": obj.title}
    if kind == "session":
        obj = access.get_session_for_user(user, pk, write=True)
        return {"kind": kind, "obj": obj, "programme": obj.partnership.programme, "partnership": obj.partnership,
                "label": obj.title}
    if kind == "partnership":
        obj = get_partnership_for_user(user, pk)
        return {"kind": "project", "obj": None, "programme": obj.programme, "partnership": obj,
                "label": obj.organisation.name}
    obj = get_programme_for_user(user, pk)
    return {"kind": "project", "obj": None, "programme": obj, "partnership": None, "label": obj.title}


def _own_partnership(user, programme, wanted):
    """A memo a team writes on a programme code belongs to its partnership (read by its team and the
    coordinators); a coordinator's belongs to the programme."""
    if is_coordinator_of(user, programme.pk) and not wanted:
        return None
    ids = sorted(team_partnership_ids(user, programme))
    if wanted and str(wanted).isdigit() and (int(wanted) in ids or is_coordinator_of(user, programme.pk)):
        return Partnership.objects.filter(programme=programme, pk=int(wanted)).first()
    return Partnership.objects.filter(pk=ids[0]).first() if ids else None


def _default_back(target) -> str:
    obj = target["obj"]
    if target["kind"] == "code":
        return reverse("analysis:code_detail", args=[obj.pk])
    if target["kind"] == "session":
        return reverse("analysis:session_prepare", args=[obj.pk])
    return reverse("analysis:memo_list", args=[target["programme"].pk])


@login_required
def memo_create_view(request):
    user = request.user
    target = memo_target(user, request.GET)
    if not access.can_write_memo(user, programme=target["programme"], partnership=target["partnership"]):
        raise Http404
    back = safe_next(request, _default_back(target))
    form = MemoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind = target["kind"]
        extra = {"partnership": target["partnership"]}
        if kind != "project":
            extra[kind] = target["obj"]
        try:
            memo_create(actor=user, programme=target["programme"], text=form.cleaned_data["text"],
                        title=form.cleaned_data["title"], **extra)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The memo is saved."))
            return redirect(back)
    return render(request, "analysis/memo_form.html", {
        "form": form, "target": target, "back": back, "memo": None,
    }, status=400 if form.is_bound else 200)


@login_required
def memo_edit_view(request, pk: int):
    memo = access.get_memo_for_user(request.user, pk, write=True)
    back = safe_next(request, reverse("analysis:memo_list", args=[memo.programme_id]))
    form = MemoForm(request.POST or None, initial={"title": memo.title, "text": memo.text})
    if request.method == "POST" and form.is_valid():
        try:
            memo_update(actor=request.user, memo=memo, text=form.cleaned_data["text"],
                        title=form.cleaned_data["title"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The memo is saved."))
            return redirect(back)
    return render(request, "analysis/memo_form.html", {
        "form": form, "memo": memo, "back": back, "target": None,
    }, status=400 if form.is_bound else 200)


@login_required
def memo_delete_view(request, pk: int):
    memo = access.get_memo_for_user(request.user, pk, write=True)
    back = safe_next(request, reverse("analysis:memo_list", args=[memo.programme_id]))
    if request.method == "POST":
        memo_delete(actor=request.user, memo=memo)
        messages.success(request, _("The memo is deleted."))
        return redirect(back)
    return render(request, "analysis/memo_delete.html", {"memo": memo, "back": back})


@login_required
def memo_list_view(request, programme_id: int):
    user = request.user
    programme = programme_for_analysis(user, programme_id)
    memos = access.memos_visible_to(user).filter(programme=programme)
    authors = list(
        User.objects.filter(pk__in=memos.order_by().values("author_id"))
        .order_by("full_name", "username").values_list("pk", "full_name", "username")
    )
    partnerships = list(
        Partnership.objects.filter(pk__in=memos.order_by().values("partnership_id"))
        .order_by("organisation__name").values_list("pk", "organisation__name")
    )
    form = MemoFilterForm(request.GET or None, authors=[(pk, full or name) for pk, full, name in authors],
                          partnerships=partnerships)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        if d["q"]:
            memos = memos.filter(Q(title__icontains=d["q"]) | Q(text__icontains=d["q"]))
        kind = d["kind"]
        if kind == "project":
            memos = memos.filter(code__isnull=True, coding__isnull=True, source__isnull=True, session__isnull=True)
        elif kind:
            memos = memos.filter(**{f"{kind}__isnull": False})
        if d["author"]:
            memos = memos.filter(author_id=d["author"])
        if d["partnership"] is not None:
            memos = memos.filter(partnership__isnull=True) if d["partnership"] == 0 else memos.filter(
                partnership_id=d["partnership"])
    memos = memos.select_related("partnership__organisation", "coding__source", "coding__code").defer(
        "source__transcript", "coding__source__transcript", "source__translation_en",
        "coding__source__translation_en", "source__notes", "coding__source__notes",
    ).order_by("-updated_at", "-pk")
    page = paginate(request, memos, per_page=25)
    return render(request, "analysis/memo_list.html", {
        "programme": programme, "page": page, "form": form, "query": query_without_page(request),
        "can_write_programme_memo": access.can_write_memo(user, programme=programme),
        "team_partnerships": [
            p for p in Partnership.objects.filter(programme=programme).select_related("organisation")
            if access.can_write_memo(user, programme=programme, partnership=p)
            and not access.can_write_memo(user, programme=programme)
        ],
    })
