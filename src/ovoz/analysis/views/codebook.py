"""The codebook of a programme: the tree of codes, a code's page, and adding or editing a code.

Coordinators see the programme codebook and every partnership's own codes, grouped; a partnership's mentor and
researchers see the programme codebook and their partnership's codes. Usage counts only codings on sources the
person may analyse. Co-researchers, viewers and outsiders get 404 (``programme_for_analysis``).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F, IntegerField, Value
from django.db.models.functions import Least, Substr
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.analysis.access import can_add_codes, can_edit_code, codings_visible_to, get_code_for_user, memos_visible_to
from ovoz.analysis.forms.codebook import NAME_FIELDS, TEXT_FIELDS, CodeForm
from ovoz.analysis.models import Code
from ovoz.analysis.services.codes import code_create, code_update
from ovoz.analysis.views.codebook_common import (
    codebook_choices,
    flatten,
    parent_choices,
    programme_codes,
    programme_for_analysis,
    usage_counts,
)
from ovoz.evidence.views.sources import query_without_page
from ovoz.programmes.access import is_coordinator_of
from ovoz.programmes.models import Partnership
from ovoz.web.pagination import paginate

SNIPPET = 400


def _matches(code: Code, q: str) -> bool:
    q = q.casefold()
    return any(q in (getattr(code, f) or "").casefold() for f in (*NAME_FIELDS, "definition"))


@login_required
def codebook_view(request, programme_id: int):
    user = request.user
    programme = programme_for_analysis(user, programme_id)
    codes = list(programme_codes(user, programme))
    counts = usage_counts(user, (c.pk for c in codes))
    for code in codes:
        code.usage = counts.get(code.pk, 0)
        code.editable = can_edit_code(user, code)
    q = (request.GET.get("q") or "").strip()
    groups = []
    partnership_ids = sorted({c.partnership_id for c in codes if c.partnership_id})
    names = dict(Partnership.objects.filter(pk__in=partnership_ids).values_list("pk", "organisation__name"))
    for pid in [None, *sorted(partnership_ids, key=lambda p: names.get(p, ""))]:
        members = [c for c in codes if c.partnership_id == pid]
        if q:
            found = [c for c in members if _matches(c, q)]
            for c in found:
                c.depth = 0
            active, retired = [c for c in found if not c.is_retired], [c for c in found if c.is_retired]
        else:
            active = flatten([c for c in members if not c.is_retired])
            retired = [c for c in members if c.is_retired]
        if active or retired or pid is None:
            groups.append({"name": names.get(pid) if pid else _("Programme codebook"), "partnership_id": pid,
                           "codes": active, "retired": retired})
    coordinator = is_coordinator_of(user, programme.pk)
    seeded = any(c.seed_key for c in codes if c.partnership_id is None)
    return render(request, "analysis/codebook_list.html", {
        "programme": programme, "groups": groups, "q": q, "n_codes": len(codes),
        "can_add": bool(codebook_choices(user, programme)),
        "can_seed": coordinator and not seeded,
    })


@login_required
def code_detail_view(request, pk: int):
    user = request.user
    code = get_code_for_user(user, pk)
    programme_for_analysis(user, code.programme_id)
    ancestors = []
    node = code.parent
    while node is not None:
        ancestors.insert(0, node)
        node = node.parent
    children = list(code.children.all().order_by("order", "name_en"))
    codings = (
        codings_visible_to(user).filter(code=code)
        .select_related("source", "coder")
        .defer("source__transcript", "source__translation_en", "source__notes", "source__stakeholders_present",
               "source__outcomes")
        .annotate(snippet=Substr("source__transcript", F("start") + 1,
                                 Least(F("end") - F("start"), Value(SNIPPET), output_field=IntegerField())))
        .order_by("source__title", "start", "pk")
    )
    page = paginate(request, codings, per_page=20)
    memos = memos_visible_to(user).filter(code=code).order_by("-updated_at")
    return render(request, "analysis/codebook_detail.html", {
        "code": code, "programme": code.programme, "ancestors": ancestors, "children": children, "page": page,
        "memos": memos, "can_edit": can_edit_code(user, code), "can_memo": _can_memo_code(user, code),
        "query": query_without_page(request), "snippet_max": SNIPPET,
    })


def _can_memo_code(user, code) -> bool:
    from ovoz.analysis.access import can_write_memo

    return can_write_memo(user, programme=code.programme, partnership=code.partnership)


def _render_form(request, form, *, programme, code=None, status=200):
    return render(request, "analysis/codebook_form.html", {
        "form": form, "programme": programme, "code": code,
        "name_fields": [form[n] for n in NAME_FIELDS],
        "other_fields": [form[n] for n in (*TEXT_FIELDS, "colour", *[f for f in ("parent",) if f in form.fields])],
    }, status=status)


@login_required
def code_create_view(request, programme_id: int):
    user = request.user
    programme = programme_for_analysis(user, programme_id)
    choices = codebook_choices(user, programme)
    if not choices:
        raise Http404
    parents = parent_choices(user, programme)
    initial = {"partnership": request.GET.get("partnership", choices[0][0]), "colour": "#f4c542"}
    if (parent_id := request.GET.get("parent", "")).isdigit():
        initial["parent"] = parent_id
    form = CodeForm(request.POST or None, initial=initial, parents=parents, partnerships=choices)
    if request.method == "POST" and form.is_valid():
        pid = form.cleaned_data["partnership"]
        partnership = Partnership.objects.get(pk=int(pid)) if pid else None
        if not can_add_codes(user, programme, partnership) or (partnership is None and not
                                                                is_coordinator_of(user, programme.pk)):
            raise Http404
        try:
            code = code_create(actor=user, programme=programme, partnership=partnership,
                               parent=form.cleaned_data.get("parent"), **form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The code is added."))
            return redirect("analysis:code_detail", pk=code.pk)
    return _render_form(request, form, programme=programme, status=400 if form.is_bound else 200)


@login_required
def code_edit_view(request, pk: int):
    user = request.user
    code = get_code_for_user(user, pk, write=True)
    programme_for_analysis(user, code.programme_id)
    initial = {name: getattr(code, name) for name in (*NAME_FIELDS, *TEXT_FIELDS, "colour")}
    form = CodeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            code_update(actor=user, code=code, **form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The code is saved."))
            return redirect("analysis:code_detail", pk=code.pk)
    return _render_form(request, form, programme=code.programme, code=code, status=400 if form.is_bound else 200)
