"""Sources of a partnership: the list, recording and editing (with text imported from files), media
attachments (downloaded only through an access check that is audited) and deletion.

Every source is fetched through ``ovoz.evidence.access``: the partnership's team sees its sources, the
programme's coordinators only those shared with them whose participants all allow it; anyone else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.security import reauth_redirect
from ovoz.evidence import access
from ovoz.evidence.extract import extract_upload
from ovoz.evidence.forms.sources import SOURCE_LANGUAGES, AttachmentForm, SourceFilterForm, SourceForm
from ovoz.evidence.models import Attachment, Participant, Source
from ovoz.evidence.services.attachments import (
    attachment_add,
    attachment_delete,
    attachment_open,
    category_of,
    get_attachment_for_user,
)
from ovoz.evidence.services.sources import (
    source_create,
    source_delete,
    source_update,
    team_members,
    transcript_is_locked,
)
from ovoz.programmes.access import can_edit_evidence, can_see_shared_with_programme, get_partnership_for_user
from ovoz.web.pagination import paginate

LANGUAGE_NAMES = dict(SOURCE_LANGUAGES)
CODES_ONLY = Participant.objects.only("id", "code", "partnership_id").order_by("code")
# A list never reads the long texts: at 50,000 sources, carrying whole transcripts through a sort costs seconds.
LONG_TEXTS = ("transcript", "translation_en", "notes", "stakeholders_present", "outcomes")


def partnership_for_evidence(user, pk, *, write: bool = False):
    """The partnership whose sources or incidents the user may list (team and coordinators) or record (team)."""
    partnership = get_partnership_for_user(user, pk)
    allowed = can_edit_evidence(user, partnership) if write else can_see_shared_with_programme(user, partnership)
    if not allowed:
        raise Http404
    return partnership


def query_without_page(request) -> str:
    return urlencode([(k, value) for k in request.GET for value in request.GET.getlist(k) if k != "page"])


def _participant_choices(user, partnership, current=()):
    """Her partnership's participants, by code; those who withdrew only if already linked."""
    ids = [p.pk for p in current]
    return (
        access.participants_visible_to(user)
        .filter(partnership=partnership)
        .filter(Q(withdrawn_at__isnull=True) | Q(pk__in=ids))
        .defer("name", "contacts")
        .order_by("code")
    )


# --- list ------------------------------------------------------------------------------------------------------


@login_required
def source_list_view(request, pk: int):
    partnership = partnership_for_evidence(request.user, pk)
    qs = access.sources_visible_to(request.user).filter(partnership=partnership)
    form = SourceFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        if d["q"]:
            qs = qs.filter(title__icontains=d["q"].strip())
        if d["kind"]:
            qs = qs.filter(kind=d["kind"])
        if d["language"]:
            qs = qs.filter(language=d["language"])
        if d["participant"]:  # a subquery, not a join: each source stays one row
            qs = qs.filter(pk__in=Source.participants.through.objects.filter(
                participant__code__iexact=d["participant"].strip()).values("source_id"))
        if d["date_from"]:
            qs = qs.filter(date__gte=d["date_from"])
        if d["date_to"]:
            qs = qs.filter(date__lte=d["date_to"])
    files = Attachment.objects.filter(source=OuterRef("pk")).order_by().values("source").annotate(n=Count("pk"))
    qs = (
        qs.defer(*LONG_TEXTS)
        .prefetch_related(Prefetch("participants", queryset=CODES_ONLY))
        .annotate(n_attachments=Coalesce(Subquery(files.values("n"), output_field=IntegerField()), 0))
        .order_by("-date", "title", "pk")
    )
    page = paginate(request, qs, per_page=25)
    for source in page:
        source.language_name = LANGUAGE_NAMES.get(source.language, source.language)
    return render(request, "evidence/source_list.html", {
        "partnership": partnership, "page": page, "form": form, "query": query_without_page(request),
        "can_edit": can_edit_evidence(request.user, partnership),
    })


# --- create and edit -------------------------------------------------------------------------------------------


def _import_preview(request, form: SourceForm, make_form):
    """Put the text of the uploaded file into the form, unsaved, for the person to check before saving."""
    initial = form.current_values()
    upload = request.FILES.get("import_file")
    into = request.POST.get("import_into") or "transcript"
    if into not in dict(form.fields["import_into"].choices):
        into = "translation_en"
    error = None
    if upload is None:
        error = _("Choose a file to import.")
    else:
        try:
            text = extract_upload(upload)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            initial[into] = text
            messages.info(request, _(
                "The text of “%(name)s” (%(count)s characters) is in the form below. Check it, then save: nothing "
                "is saved yet.") % {"name": upload.name, "count": len(text)})
    preview = make_form(initial=initial)
    return preview, error


def _render_form(request, form, *, partnership, source=None, import_error=None, status=200):
    return render(request, "evidence/source_form.html", {
        "form": form, "partnership": partnership, "source": source, "import_error": import_error,
        "consultation": Source.Kind.CONSULTATION,
    }, status=status)


def _participants_from(form):
    return list(form.cleaned_data["participants"])


@login_required
def source_create_view(request, pk: int):
    partnership = partnership_for_evidence(request.user, pk, write=True)

    def make_form(data=None, files=None, initial=None):
        return SourceForm(data, files, initial=initial, participants=_participant_choices(request.user, partnership),
                          team=team_members(partnership))

    if request.method != "POST":
        return _render_form(request, make_form(initial={"kind": request.GET.get("kind", "")}),
                            partnership=partnership)
    form = make_form(request.POST, request.FILES)
    if request.POST.get("action") == "import" or request.FILES.get("import_file"):
        preview, error = _import_preview(request, form, make_form)
        return _render_form(request, preview, partnership=partnership, import_error=error)
    if form.is_valid():
        try:
            source = source_create(actor=request.user, partnership=partnership,
                                   participants=_participants_from(form), **form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The source is recorded."))
            return redirect("evidence:source_detail", pk=source.pk)
    return _render_form(request, form, partnership=partnership, status=400)


@login_required
def source_edit_view(request, pk: int):
    source = access.get_source_for_user(request.user, pk, write=True)
    partnership = source.partnership
    current = list(source.participants.all())
    locked = transcript_is_locked(source)

    def make_form(data=None, files=None, initial=None):
        return SourceForm(data, files, initial=initial, transcript_locked=locked, team=team_members(partnership),
                          participants=_participant_choices(request.user, partnership, current))

    if request.method != "POST":
        initial = {name: getattr(source, name) for name in (
            "kind", "title", "date", "place", "language", "transcript", "translation_en", "notes", "women_only",
            "stakeholders_present", "outcomes", "shared_with_programme")}
        initial.update(facilitator=source.facilitator_id, participants=[p.pk for p in current])
        return _render_form(request, make_form(initial=initial), partnership=partnership, source=source)
    form = make_form(request.POST, request.FILES, initial={"transcript": source.transcript})
    if request.POST.get("action") == "import" or request.FILES.get("import_file"):
        preview, error = _import_preview(request, form, make_form)
        if locked:
            preview.initial["transcript"] = source.transcript
        return _render_form(request, preview, partnership=partnership, source=source, import_error=error)
    if form.is_valid():
        try:
            source_update(actor=request.user, source=source, participants=_participants_from(form), **form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The source is saved."))
            return redirect("evidence:source_detail", pk=source.pk)
    return _render_form(request, form, partnership=partnership, source=source, status=400)


# --- detail ----------------------------------------------------------------------------------------------------


@login_required
def source_detail_view(request, pk: int):
    source = access.get_source_for_user(request.user, pk)
    can_edit = access.can_edit(request.user, source.partnership)
    participants = list(source.participants.defer("name", "contacts").order_by("code"))
    analysis_ok = access.sources_visible_to(request.user, scope="analysis").filter(pk=source.pk).exists()
    links = (
        source.incident_links.filter(incident__in=access.incidents_visible_to(request.user))
        .select_related("incident")
        .order_by("incident__title")
    )
    attachments = list(source.attachments.all())
    for attachment in attachments:
        attachment.category = category_of(attachment)
    return render(request, "evidence/source_detail.html", {
        "source": source, "partnership": source.partnership, "can_edit": can_edit, "participants": participants,
        "not_for_analysis": [p.code for p in participants if not p.consent_analysis],
        "withdrawn": [p.code for p in participants if p.withdrawn_at],
        "show_text": can_edit or analysis_ok, "links": links, "attachments": attachments,
        "attachment_form": AttachmentForm() if can_edit else None,
        "language": LANGUAGE_NAMES.get(source.language, source.language),
        "locked": transcript_is_locked(source),
    })


# --- delete ----------------------------------------------------------------------------------------------------


@login_required
def source_delete_view(request, pk: int):
    """Delete a source: the password again, a confirmation, and only once no incident relies on it."""
    source = access.get_source_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    links = list(source.incident_links.select_related("incident").order_by("incident__title"))
    if request.method == "POST" and not links:
        partnership_id = source.partnership_id
        try:
            source_delete(actor=request.user, source=source)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The source and its attachments are deleted."))
            return redirect("evidence:source_list", pk=partnership_id)
    return render(request, "evidence/source_delete.html", {
        "source": source, "links": links, "n_attachments": source.attachments.count(),
    })


# --- attachments -----------------------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_add_view(request, pk: int):
    source = access.get_source_for_user(request.user, pk, write=True)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
    else:
        try:
            attachment = attachment_add(actor=request.user, source=source, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("“%(name)s” is attached, encrypted.") % {"name": attachment.original_name})
    return redirect("evidence:source_detail", pk=source.pk)


@login_required
def attachment_download_view(request, pk: int):
    """The only way to a file: through the source's access rules, and into the audit log."""
    attachment = get_attachment_for_user(request.user, pk)
    inline = request.GET.get("inline") == "1" and category_of(attachment) in ("audio", "photo")
    handle = attachment_open(actor=request.user, attachment=attachment, ip_address=request.META.get("REMOTE_ADDR"))
    response = FileResponse(handle, as_attachment=not inline, filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def attachment_delete_view(request, pk: int):
    attachment = get_attachment_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        source_id = attachment.source_id
        attachment_delete(actor=request.user, attachment=attachment)
        messages.success(request, _("The attachment is deleted."))
        return redirect("evidence:source_detail", pk=source_id)
    return render(request, "evidence/source_attachment_delete.html", {"attachment": attachment})
