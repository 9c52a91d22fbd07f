"""Coding a transcript: the page with the coded text, and applying codes to a stretch.

The page opens for everyone who may analyse the source (its team; the coordinators when it is shared with
them, read only). The browser sends the selection as UTF-16 offsets, converted here to code points; without
JavaScript a person quotes the exact words (and says which occurrence when they appear more than once) or
gives the positions. With htmx (or the page's own script) the answer is the re-rendered transcript.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ovoz.analysis.access import codes_usable_on, codes_usable_on_by_pk
from ovoz.analysis.coding_spans import AmbiguousPhrase, offsets_of, span_in_codepoints, span_of_phrase
from ovoz.analysis.services.codings import coding_create
from ovoz.analysis.views.coding_context import (
    code_tree,
    coding_context,
    coding_source,
    round_from,
)
from ovoz.analysis.views.coding_window import window_response

CONTEXT = 40


def body_response(request, source, round_):
    """The part of the page that changes after a coding is applied, changed or removed."""
    return render(request, "analysis/coding_body.html", coding_context(request, source, round_))


@login_required
def coding_page(request, pk: int):
    source = coding_source(request.user, pk)
    round_ = round_from(request, source)
    if request.htmx:
        return body_response(request, source, round_)
    return render(request, "analysis/coding_page.html", coding_context(request, source, round_))


def _chosen_codes(request, source) -> list:
    ids = {int(v) for v in request.POST.getlist("codes") if v.isdigit()}
    if not ids:
        raise ValidationError(_("Choose at least one code."))
    codes = codes_usable_on_by_pk(request.user, source, ids)
    if len(codes) != len(ids):
        raise ValidationError(_("One of the chosen codes cannot be applied to this source."))
    return codes


def _chosen_span(request, source) -> tuple[int, int]:
    text = source.transcript or ""
    start, end = (request.POST.get(k, "").strip() for k in ("start", "end"))
    if start or end:
        try:
            start, end = int(start), int(end)
        except ValueError:
            raise ValidationError(_("The start and end must be whole numbers.")) from None
        return span_in_codepoints(text, start, end, request.POST.get("units") or "codepoint", offsets_of(source))
    occurrence = request.POST.get("occurrence", "").strip()
    if occurrence and not occurrence.isdigit():
        raise ValidationError(_("The occurrence must be a number."))
    return span_of_phrase(text, request.POST.get("phrase", ""), int(occurrence) if occurrence else None)


def _occurrences_in_context(text: str, phrase: str, starts: list[int]) -> list[tuple[int, str, str, str]]:
    phrase = phrase.strip()
    return [
        (n, text[max(0, s - CONTEXT):s], phrase, text[s + len(phrase):s + len(phrase) + CONTEXT])
        for n, s in enumerate(starts[:50], start=1)
    ]


def _apply_form(request, source, round_, *, error=None, occurrences=(), status=200):
    chosen = {int(v) for v in request.POST.getlist("codes") if v.isdigit()}
    context = coding_context(request, source, round_)
    context.update({
        "error": error,
        "occurrences": occurrences,
        "chosen": chosen,
        "picker_codes": code_tree(list(codes_usable_on(request.user, source))),
        "values": request.POST,
    })
    return render(request, "analysis/coding_apply.html", context, status=status)


@login_required
def coding_apply(request, pk: int):
    """Apply the chosen codes to a stretch: offsets (the page's script) or quoted words (the form alone)."""
    source = coding_source(request.user, pk, write=True)
    round_ = round_from(request, source)
    if request.method != "POST":
        return _apply_form(request, source, round_)
    try:
        codes = _chosen_codes(request, source)
        start, end = _chosen_span(request, source)
        made = coding_create(actor=request.user, source=source, codes=codes, start=start, end=end,
                             double_coding=round_)
    except AmbiguousPhrase as exc:
        if request.htmx:
            return HttpResponse(" ".join(exc.messages), status=400, content_type="text/plain; charset=utf-8")
        found = _occurrences_in_context(source.transcript, request.POST.get("phrase", ""), exc.occurrences)
        return _apply_form(request, source, round_, error=" ".join(exc.messages), occurrences=found, status=400)
    except ValidationError as exc:
        if request.htmx:
            return HttpResponse(" ".join(exc.messages), status=400, content_type="text/plain; charset=utf-8")
        return _apply_form(request, source, round_, error=" ".join(exc.messages), status=400)
    if request.htmx:
        return window_response(request, source, round_, start, end) or body_response(request, source, round_)
    if made:
        messages.success(request, ngettext("Applied %(n)s code.", "Applied %(n)s codes.", len(made)) % {"n": len(made)})
    else:
        messages.info(request, _("These codes were already on exactly this passage."))
    return redirect(coding_context_url(source, round_))


def coding_context_url(source, round_) -> str:
    url = reverse("analysis:coding", args=[source.pk])
    return f"{url}?round={round_.pk}" if round_ is not None else url
