"""Publications: the list, creating one, its editor (sections and data blocks), and the quote picker."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.access import codes_visible_to, codings_visible_to
from ovoz.evidence.views.sources import query_without_page
from ovoz.programmes.access import is_coordinator_of
from ovoz.publishing.access import findings_visible_to, get_publication_for_user, publications_visible_to, role_in
from ovoz.publishing.document import build_document
from ovoz.publishing.forms import (
    FindingBlockForm,
    PublicationForm,
    QuoteForm,
    SectionForm,
    StatisticForm,
    TextBlockForm,
)
from ovoz.publishing.models import Block, Publication, Section
from ovoz.publishing.services.publications import (
    EDITABLE_STATES,
    block_add,
    block_remove,
    block_update,
    publication_create,
    publication_update,
    section_add,
    section_update,
    synthesis_gather_findings,
)
from ovoz.publishing.views.common import (
    own_partnerships,
    partnership_to_write,
    programme_for_publishing,
    report,
)
from ovoz.web.pagination import paginate
from ovoz.web.params import int_or_none


@login_required
def publication_list(request, programme_id):
    user = request.user
    programme = programme_for_publishing(user, programme_id)
    qs = publications_visible_to(user).filter(programme=programme)
    q = (request.GET.get("q") or "").strip()
    status = request.GET.get("status") or ""
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(title_local__icontains=q))
    if status in Publication.Status.values:
        qs = qs.filter(status=status)
    page = paginate(request, qs.order_by("kind", "title"), per_page=25)
    return render(request, "publishing/publication_list.html", {
        "programme": programme, "page": page, "q": q, "status": status, "statuses": Publication.Status.choices,
        "partnerships": own_partnerships(user, programme), "query": query_without_page(request),
        "is_coordinator": is_coordinator_of(user, programme.pk),
    })


@login_required
def publication_create_view(request, programme_id):
    user = request.user
    programme = programme_for_publishing(user, programme_id)
    partnership = partnership_to_write(user, programme, int_or_none(request.GET.get("partnership")))
    initial = {"kind": Publication.Kind.SYNTHESIS if partnership is None else Publication.Kind.BRIEFER,
               "title": partnership.briefer_title if partnership else ""}
    form = PublicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            publication = publication_create(actor=user, programme=programme, partnership=partnership,
                                             **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("publishing:editor", publication.pk)
    return render(request, "publishing/publication_form.html", {"form": form, "programme": programme,
                                                                "partnership": partnership})


@login_required
def publication_edit_view(request, pk):
    publication = get_publication_for_user(request.user, pk, write=True)
    form = PublicationForm(request.POST or None, instance=publication)
    form.fields.pop("kind")
    if request.method == "POST" and form.is_valid():
        publication.refresh_from_db()
        try:
            publication_update(actor=request.user, publication=publication, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("publishing:editor", publication.pk)
    return render(request, "publishing/publication_form.html", {"form": form, "publication": publication,
                                                                "programme": publication.programme})


@login_required
def editor(request, pk):
    """The publication as it is being built: sections with their text and data parts, built live."""
    user = request.user
    publication = get_publication_for_user(user, pk)
    language = request.GET.get("lang") or "en"
    if language not in ("en", publication.second_language):
        language = "en"
    document = build_document(publication, language)
    sections = {s.pk: s for s in publication.sections.all()}
    for section in document["sections"]:
        section["model"] = sections[section["id"]]
    versions = list(publication.versions.select_related("published_by"))
    return render(request, "publishing/editor.html", {
        "publication": publication, "document": document, "language": language,
        "editable": publication.status in EDITABLE_STATES and role_in(user, publication) is not None,
        "role": role_in(user, publication), "versions": versions,
        "flagged": [v for v in versions if v.flagged_at],
    })


@login_required
def section_edit_view(request, pk):
    section = Section.objects.select_related("publication").filter(pk=pk).first()
    if section is None:
        raise Http404
    publication = get_publication_for_user(request.user, section.publication_id, write=True)
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        section.refresh_from_db()
        try:
            section_update(actor=request.user, section=section, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(reverse("publishing:editor", args=[publication.pk]) + f"#section-{section.pk}")
    return render(request, "publishing/section_form.html", {"form": form, "section": section,
                                                            "publication": publication})


@login_required
@require_POST
def section_add_view(request, pk):
    publication = get_publication_for_user(request.user, pk, write=True)
    try:
        section = section_add(actor=request.user, publication=publication,
                              title=(request.POST.get("title") or "").strip() or _("New section"))
    except ValidationError as exc:
        report(request, exc)
        return redirect("publishing:editor", publication.pk)
    return redirect("publishing:section_edit", section.pk)


def _section_for(user, pk):
    section = Section.objects.select_related("publication").filter(pk=pk).first()
    if section is None:
        raise Http404
    get_publication_for_user(user, section.publication_id, write=True)
    return section


def _quote_candidates(user, publication, code_id=None):
    qs = codings_visible_to(user).filter(source__partnership__programme=publication.programme)
    if publication.partnership_id:
        qs = qs.filter(source__partnership_id=publication.partnership_id)
    if code_id:
        qs = qs.filter(code_id=code_id)
    return qs.select_related("source", "code").order_by("code__name_en", "source__title", "start")


@login_required
def quote_picker(request, pk):
    """Coded segments to quote from, with whether their participants allow quotes."""
    user = request.user
    section = _section_for(user, pk)
    publication = section.publication
    code_id = int_or_none(request.GET.get("code"))
    page = paginate(request, _quote_candidates(user, publication, code_id), per_page=15)
    transcripts = {}
    refusing = set(
        codings_visible_to(user).filter(pk__in=[c.pk for c in page], source__participants__consent_quotes=False)
        .values_list("pk", flat=True)
    )
    for coding in page:
        transcripts.setdefault(coding.source_id, coding.source.transcript)
        coding.snippet = coding.text(transcripts[coding.source_id])
        coding.quotable = coding.pk not in refusing
    return render(request, "publishing/quote_picker.html", {
        "section": section, "publication": publication, "page": page, "code_id": code_id,
        "codes": codes_visible_to(user, include_retired=False).filter(programme=publication.programme),
        "query": f"code={code_id}" if code_id else "",
    })


@login_required
def block_add_view(request, pk, kind):
    user = request.user
    section = _section_for(user, pk)
    publication = section.publication
    codes = codes_visible_to(user, include_retired=False).filter(programme=publication.programme)
    coding = None
    if kind == "quote":
        coding = _quote_candidates(user, publication).filter(pk=int_or_none(request.GET.get("coding"))).first()
        if coding is None:
            return redirect("publishing:quote_picker", section.pk)
        form = QuoteForm(request.POST or None, speakers=coding.source.participants.all(),
                         initial={"quote_text": coding.text(),
                                  "attribution_fields": ["migrant_status", "age_band", "region_of_origin"]})
    elif kind == "statistic":
        form = StatisticForm(request.POST or None, codes=codes)
    elif kind == "finding":
        findings = findings_visible_to(user).filter(programme=publication.programme)
        if publication.partnership_id:
            findings = findings.filter(Q(partnership_id=publication.partnership_id) | Q(partnership__isnull=True))
        form = FindingBlockForm(request.POST or None, findings=findings)
    elif kind == "text":
        form = TextBlockForm(request.POST or None)
    else:
        raise Http404
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if kind == "quote":
                block_add(actor=user, section=section, kind=Block.Kind.QUOTE, coding=coding, **data)
            elif kind == "statistic":
                block_kind = data.pop("kind")
                spec = {"by": data.pop("by"), "code": data.pop("code").pk if data.get("code") else None}
                data.pop("code", None)
                block_add(actor=user, section=section, kind=block_kind, statistic=spec, **data)
            elif kind == "finding":
                block_add(actor=user, section=section, kind=Block.Kind.FINDING, finding=data["finding"])
            else:
                block_add(actor=user, section=section, kind=data.pop("kind"), **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(reverse("publishing:editor", args=[publication.pk]) + f"#section-{section.pk}")
    return render(request, "publishing/block_form.html", {
        "form": form, "section": section, "publication": publication, "kind": kind, "coding": coding,
    })


def _block_for(user, pk):
    block = Block.objects.select_related("section__publication", "coding__source").filter(pk=pk).first()
    if block is None:
        raise Http404
    get_publication_for_user(user, block.section.publication_id, write=True)
    return block


@login_required
def block_edit_view(request, pk):
    user = request.user
    block = _block_for(user, pk)
    publication = block.section.publication
    if block.kind != Block.Kind.QUOTE:
        raise Http404
    form = QuoteForm(request.POST or None, speakers=block.coding.source.participants.all() if block.coding_id else
                     block.section.publication.programme.partnerships.none(),
                     initial={"quote_text": block.quote_text, "quote_translation": block.quote_translation,
                              "attribution_fields": block.attribution_fields, "show_name": block.show_name,
                              "speaker": block.speaker_id})
    if request.method == "POST" and form.is_valid():
        try:
            block_update(actor=user, block=block, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(reverse("publishing:editor", args=[publication.pk]) + f"#block-{block.pk}")
    return render(request, "publishing/block_form.html", {"form": form, "section": block.section,
                                                          "publication": publication, "kind": "quote",
                                                          "coding": block.coding, "block": block})


@login_required
def block_remove_view(request, pk):
    user = request.user
    block = _block_for(user, pk)
    publication = block.section.publication
    if request.method == "POST":
        try:
            block_remove(actor=user, block=block)
        except ValidationError as exc:
            report(request, exc)
        return redirect("publishing:editor", publication.pk)
    return render(request, "publishing/confirm.html", {
        "title": _("Remove this part of the publication?"), "object": block,
        "explanation": _("The evidence it shows stays; only its place in the publication goes."),
        "cancel": reverse("publishing:editor", args=[publication.pk]),
    })


@login_required
@require_POST
def block_move_view(request, pk):
    user = request.user
    block = _block_for(user, pk)
    siblings = list(block.section.blocks.order_by("order", "pk"))
    i = siblings.index(block)
    j = i - 1 if request.POST.get("direction") == "up" else i + 1
    if 0 <= j < len(siblings):
        siblings[i], siblings[j] = siblings[j], siblings[i]
        try:
            for order, b in enumerate(siblings):
                if b.order != order:
                    block_update(actor=user, block=b, order=order)
        except ValidationError as exc:
            report(request, exc)
    return redirect(reverse("publishing:editor", args=[block.section.publication_id]) + f"#block-{block.pk}")


@login_required
@require_POST
def synthesis_gather_view(request, pk):
    publication = get_publication_for_user(request.user, pk, write=True)
    try:
        added = synthesis_gather_findings(actor=request.user, publication=publication)
    except ValidationError as exc:
        report(request, exc)
    else:
        messages.success(request, _("%(n)s findings gathered from the partnerships.") % {"n": added})
    return redirect("publishing:editor", publication.pk)
