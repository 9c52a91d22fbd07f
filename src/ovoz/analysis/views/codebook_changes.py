"""Changing the shape of the codebook: move, merge, split, retire, restore, delete, and seeding it.

Each is a page that says what will happen before it happens; none loses a coding.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F, IntegerField, Value
from django.db.models.functions import Least, Substr
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.access import codings_visible_to, get_code_for_user
from ovoz.analysis.forms.codebook import MergeForm, MoveForm, SplitForm
from ovoz.analysis.services.codes import (
    code_delete,
    code_merge,
    code_move,
    code_restore,
    code_retire,
    code_split,
    codebook_seed,
)
from ovoz.analysis.views.codebook_common import parent_choices, programme_for_analysis
from ovoz.evidence.views.sources import query_without_page
from ovoz.programmes.access import get_programme_for_user
from ovoz.web.pagination import paginate


def _code_for_change(request, pk):
    code = get_code_for_user(request.user, pk, write=True)
    programme_for_analysis(request.user, code.programme_id)
    return code


@login_required
def code_move_view(request, pk: int):
    code = _code_for_change(request, pk)
    form = MoveForm(request.POST or None, initial={"parent": code.parent_id},
                    parents=parent_choices(request.user, code.programme, code))
    if request.method == "POST" and form.is_valid():
        try:
            code_move(actor=request.user, code=code, parent=form.cleaned_data["parent"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The code is moved."))
            return redirect("analysis:code_detail", pk=code.pk)
    return render(request, "analysis/codebook_move.html", {"code": code, "form": form},
                  status=400 if form.is_bound else 200)


def _merge_targets(user, code):
    """Active codes ``code`` may be merged into (the service checks the same rules again)."""
    choices = parent_choices(user, code.programme, code)
    return [c for c in choices if c.pk != code.pk]


@login_required
def code_merge_view(request, pk: int):
    """Choose a target, then a confirmation that says how many codings move; only then merge."""
    code = _code_for_change(request, pk)
    data = request.POST if request.method == "POST" else (request.GET if "into" in request.GET else None)
    form = MergeForm(data, targets=_merge_targets(request.user, code))
    into = None
    if form.is_bound and form.is_valid():
        into = form.cleaned_data["into"]
        if request.method == "POST" and request.POST.get("confirm") == "1":
            try:
                code_merge(actor=request.user, code=code, into=into)
            except ValidationError as exc:
                form.add_error(None, exc)
                into = None
            else:
                messages.success(request, _("“%(code)s” is merged into “%(into)s”; its codings moved with it.")
                                 % {"code": code.name(), "into": into.name()})
                return redirect("analysis:code_detail", pk=into.pk)
    return render(request, "analysis/codebook_merge.html", {
        "code": code, "form": form, "into": into,
        "visible_moving": codings_visible_to(request.user).filter(code=code).count() if into else 0,
        "n_children": code.children.count(),
    }, status=400 if form.is_bound and not form.is_valid() else 200)


@login_required
def code_split_view(request, pk: int):
    """Tick codings of this code (on the page shown) and name a new sibling code: those codings move to it."""
    code = _code_for_change(request, pk)
    codings = (
        codings_visible_to(request.user).filter(code=code)
        .select_related("source")
        .defer("source__transcript", "source__translation_en", "source__notes", "source__stakeholders_present",
               "source__outcomes")
        .annotate(snippet=Substr("source__transcript", F("start") + 1,
                                 Least(F("end") - F("start"), Value(300), output_field=IntegerField())))
        .order_by("source__title", "start", "pk")
    )
    page = paginate(request, codings, per_page=25)
    visible_ids = list(codings.values_list("pk", flat=True)) if request.method == "POST" else []
    form = SplitForm(request.POST or None, coding_ids=visible_ids)
    if request.method == "POST" and form.is_valid():
        try:
            new = code_split(actor=request.user, code=code, name_en=form.cleaned_data["name_en"],
                             coding_ids=form.cleaned_data["codings"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(n)s codings moved to the new code “%(name)s”.")
                             % {"n": len(form.cleaned_data["codings"]), "name": new.name()})
            return redirect("analysis:code_detail", pk=new.pk)
    return render(request, "analysis/codebook_split.html", {
        "code": code, "form": form, "page": page, "query": query_without_page(request),
    }, status=400 if form.is_bound else 200)


@login_required
@require_POST
def code_retire_view(request, pk: int):
    code = _code_for_change(request, pk)
    code_retire(actor=request.user, code=code)
    messages.success(request, _("The code is retired: its codings stay, it is no longer offered for coding."))
    return redirect("analysis:code_detail", pk=code.pk)


@login_required
@require_POST
def code_restore_view(request, pk: int):
    code = _code_for_change(request, pk)
    try:
        code_restore(actor=request.user, code=code)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The code is in use again."))
    return redirect("analysis:code_detail", pk=code.pk)


@login_required
def code_delete_view(request, pk: int):
    code = _code_for_change(request, pk)
    in_use = code.codings.exists() or code.children.exists()
    if request.method == "POST" and not in_use:
        programme_id = code.programme_id
        try:
            code_delete(actor=request.user, code=code)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The code is deleted."))
            return redirect("analysis:codebook", programme_id=programme_id)
    return render(request, "analysis/codebook_delete.html", {"code": code, "in_use": in_use})


@login_required
@require_POST
def codebook_seed_view(request, programme_id: int):
    programme = get_programme_for_user(request.user, programme_id, write=True)
    created = codebook_seed(actor=request.user, programme=programme)
    messages.success(request, _("%(n)s codes added from the focus areas and the violation vocabulary.")
                     % {"n": created})
    return redirect("analysis:codebook", programme_id=programme.pk)
