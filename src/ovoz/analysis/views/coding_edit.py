"""The codings on one stretch: the panel that opens from a mark or the margin, changing a coding's code and
removing a coding (after a confirmation page, or the browser's confirm dialog when the page's script runs)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.access import (
    can_code,
    codes_usable_on,
    codings_visible_to,
    get_coding_for_user,
)
from ovoz.analysis.services.codings import coding_change, coding_delete
from ovoz.analysis.views.coding import body_response, coding_context_url
from ovoz.analysis.views.coding_context import code_tree, coding_source, memo_url, round_from, round_open_for
from ovoz.analysis.views.coding_render import colour_rules

MAX_IDS = 200
PANEL_TEXT = 600


def _ids(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip().isdigit()][:MAX_IDS]


@login_required
def coding_panel(request, pk: int, ids: str):
    """Every coding on the chosen stretch, with who made it and when; change or remove for the team."""
    user = request.user
    source = coding_source(user, pk)
    round_ = round_from(request, source)
    qs = codings_visible_to(user, include_rounds=round_ is not None).filter(
        source=source, pk__in=_ids(ids)
    )
    if round_ is not None:
        qs = qs.filter(double_coding=round_, coder=user)
    codings = list(qs.select_related("code", "coder").order_by("start", "end", "pk"))
    if not codings:
        raise Http404
    can_write = can_code(user, source) and (round_ is None or round_open_for(round_, user))
    page_url = coding_context_url(source, round_)
    text = source.transcript or ""
    rows = []
    for coding in codings:
        words = text[coding.start:coding.end]
        rows.append({
            "coding": coding,
            "words": words[:PANEL_TEXT],
            "cut": len(words) > PANEL_TEXT,
            "memo_url": memo_url(coding=coding.pk, next=page_url),
        })
    context = {
        "source": source,
        "round": round_,
        "rows": rows,
        "can_write": can_write,
        "codes": [(c.pk, "– " * depth + c.name()) for c, depth in code_tree(list(codes_usable_on(user, source)))]
        if can_write else [],
        "colour_rules": colour_rules({c.code for c in codings}),
        "page_url": page_url,
        "round_query": f"?round={round_.pk}" if round_ is not None else "",
    }
    template = "analysis/coding_panel.html" if request.htmx else "analysis/coding_panel_page.html"
    return render(request, template, context)


def _done(request, coding_source, round_, message: str):
    if request.htmx:
        return body_response(request, coding_source, round_)
    messages.success(request, message)
    return redirect(coding_context_url(coding_source, round_))


def _refused(request, coding, message: str):
    if request.htmx:
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    messages.error(request, message)
    round_q = f"?round={coding.double_coding_id}" if coding.double_coding_id else ""
    return redirect(reverse("analysis:coding_panel", args=[coding.source_id, coding.pk]) + round_q)


@login_required
@require_POST
def coding_change_view(request, pk: int):
    coding = get_coding_for_user(request.user, pk, write=True)
    source = coding.source
    round_ = coding.double_coding
    value = request.POST.get("code", "")
    code = codes_usable_on(request.user, source).filter(pk=value).first() if value.isdigit() else None
    if code is None:
        return _refused(request, coding, _("Choose a code that can be applied to this source."))
    try:
        coding_change(actor=request.user, coding=coding, code=code)
    except ValidationError as exc:
        return _refused(request, coding, " ".join(exc.messages))
    return _done(request, source, round_, _("The coding now has the code “%(code)s”.") % {"code": code.name()})


@login_required
def coding_remove_view(request, pk: int):
    coding = get_coding_for_user(request.user, pk, write=True)
    source = coding.source
    round_ = coding.double_coding
    if request.method != "POST":
        words = (source.transcript or "")[coding.start:coding.end][:PANEL_TEXT]
        return render(request, "analysis/coding_remove.html", {
            "coding": coding, "source": source, "words": words, "page_url": coding_context_url(source, round_),
        })
    try:
        coding_delete(actor=request.user, coding=coding)
    except ValidationError as exc:
        return _refused(request, coding, " ".join(exc.messages))
    return _done(request, source, round_, _("The coding is removed."))
