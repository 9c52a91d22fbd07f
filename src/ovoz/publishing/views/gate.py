"""The disclosure gate's report, coordinators' overrides, the workflow steps, previews and downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.roles import Role
from ovoz.publishing.access import get_publication_for_user, role_in
from ovoz.publishing.disclosure.gate import blocking, disclosure_check
from ovoz.publishing.forms import OverrideForm
from ovoz.publishing.models import DisclosureOverride, PublishedVersion
from ovoz.publishing.render import FORMATS
from ovoz.publishing.services.rendering import LANGUAGES, publication_render
from ovoz.publishing.services.workflow import (
    disclosure_override,
    disclosure_override_remove,
    publication_approve,
    publication_publish,
    publication_reopen,
    publication_review,
    publication_submit,
    version_withdraw,
)
from ovoz.publishing.views.common import report
from ovoz.web.params import int_or_none


@login_required
def gate_view(request, pk):
    user = request.user
    publication = get_publication_for_user(user, pk)
    problems = disclosure_check(publication)
    is_coordinator = role_in(user, publication) == Role.COORDINATOR
    for problem in problems:
        problem.form = OverrideForm(initial={"rule": problem.rule, "key": problem.key}) if is_coordinator else None
    return render(request, "publishing/gate.html", {
        "publication": publication, "problems": problems, "blocking": blocking(problems),
        "is_coordinator": is_coordinator,
        "overrides": publication.overrides.select_related("decided_by"),
    })


@login_required
@require_POST
def override_view(request, pk):
    publication = get_publication_for_user(request.user, pk)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            disclosure_override(actor=request.user, publication=publication, **form.cleaned_data)
        except ValidationError as exc:
            report(request, exc)
        else:
            messages.success(request, _("Override recorded with its reason."))
    else:
        messages.error(request, _("Write the reason for the override."))
    return redirect("publishing:gate", publication.pk)


@login_required
@require_POST
def override_remove_view(request, pk):
    override = DisclosureOverride.objects.filter(pk=pk).first()
    if override is None:
        raise Http404
    get_publication_for_user(request.user, override.publication_id)
    try:
        disclosure_override_remove(actor=request.user, override=override)
    except ValidationError as exc:
        report(request, exc)
    return redirect("publishing:gate", override.publication_id)


STEPS = {
    "submit": lambda user, p, note: publication_submit(actor=user, publication=p),
    "approve_review": lambda user, p, note: publication_review(actor=user, publication=p, approve=True, note=note),
    "request_changes": lambda user, p, note: publication_review(actor=user, publication=p, approve=False, note=note),
    "approve": lambda user, p, note: publication_approve(actor=user, publication=p),
    "publish": lambda user, p, note: publication_publish(actor=user, publication=p),
    "reopen": lambda user, p, note: publication_reopen(actor=user, publication=p),
}


@login_required
@require_POST
def workflow_view(request, pk):
    publication = get_publication_for_user(request.user, pk)
    step = STEPS.get(request.POST.get("step") or "")
    if step is None:
        raise Http404
    try:
        step(request.user, publication, request.POST.get("note", ""))
    except ValidationError as exc:
        report(request, exc)
        if any(getattr(e, "code", "") == "disclosure" for e in exc.error_list):
            return redirect("publishing:gate", publication.pk)
    else:
        messages.success(request, _("Done: the publication is now “%(status)s”.")
                         % {"status": publication.get_status_display()})
    return redirect("publishing:editor", publication.pk)


@login_required
def download_view(request, pk, fmt):
    """The draft (or a published version) as HTML, PDF or DOCX, for the team and the coordinators."""
    publication = get_publication_for_user(request.user, pk)
    if fmt not in FORMATS:
        raise Http404
    language = request.GET.get("lang") or "en"
    if language not in LANGUAGES:
        raise Http404
    version = None
    if request.GET.get("version"):
        version = publication.versions.filter(number=int_or_none(request.GET["version"])).first()
        if version is None:
            raise Http404
    try:
        data = publication_render(actor=request.user, publication=publication, fmt=fmt, language=language,
                                  draft=version is None, version=version)
    except ValidationError as exc:
        report(request, exc)
        return redirect("publishing:editor", publication.pk)
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(data, content_type=content_type)
    if fmt != "html":
        suffix = f"-v{version.number}" if version else "-draft"
        response["Content-Disposition"] = f'attachment; filename="{publication.slug}{suffix}-{language}.{extension}"'
    return response


@login_required
def version_withdraw_view(request, pk):
    version = PublishedVersion.objects.select_related("publication").filter(pk=pk).first()
    if version is None:
        raise Http404
    publication = get_publication_for_user(request.user, version.publication_id)
    if role_in(request.user, publication) != Role.COORDINATOR:
        raise Http404
    if request.method == "POST":
        try:
            version_withdraw(actor=request.user, version=version, reason=request.POST.get("reason", ""))
        except ValidationError as exc:
            report(request, exc)
        else:
            messages.success(request, _("The version is withdrawn from the public page."))
            return redirect("publishing:editor", publication.pk)
    return render(request, "publishing/version_withdraw.html", {"version": version, "publication": publication})
