"""Participants and their consent: the register, her page, identity reveals, consent, withdrawal, exports.

Every participant is fetched through ``ovoz.evidence.access``; identities are shown only to her partnership's
researchers, after they confirm their password, and each reveal is written in the audit log.
"""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ovoz.accounts.security import reauth_redirect
from ovoz.audit.services import audit_read
from ovoz.evidence import access
from ovoz.evidence.forms.participants import (
    SCOPE_EXPLAINED_TO_HER,
    SCOPE_TAGS,
    ConsentForm,
    ExportForm,
    IdentityReasonForm,
    ParticipantForm,
    WithdrawForm,
    terms,
    today,
)
from ovoz.evidence.models import AgeBand, AttributeDefinition, ConsentRecord, ConsentScope
from ovoz.evidence.services.consent import consent_record, consent_withdraw, current_scopes
from ovoz.evidence.services.exports import exports_to_follow_up, participants_export
from ovoz.evidence.services.participants import participant_create, participant_update
from ovoz.programmes.access import (
    can_see_evidence,
    can_see_identities,
    coordinated_programme_ids,
    get_partnership_for_user,
    one_or_404,
)
from ovoz.web.pagination import paginate

FILTERS = ("q", "migrant_status", "age_band", "region", "scope", "withdrawn")


def _register_partnership(user, pk):
    """The partnership whose register the user may read: its team, or its programme's coordinators."""
    partnership = get_partnership_for_user(user, pk)
    if not (can_see_evidence(user, partnership) or partnership.programme_id in coordinated_programme_ids(user)):
        raise Http404
    return partnership


def _team_partnership(user, pk):
    partnership = get_partnership_for_user(user, pk)
    if not access.can_edit(user, partnership):
        raise Http404
    return partnership


def _is_team(user, participant) -> bool:
    return can_see_evidence(user, participant.partnership)


def _scope_tags(participant):
    return [(s, SCOPE_TAGS[s]) for s in ConsentScope if participant.allows(s)]


def _no_store(response):
    patch_cache_control(response, no_store=True, private=True, max_age=0)
    return response


def filter_register(qs, params):
    """Apply the register's search and filters; returns the queryset and the filters actually used."""
    used = {}
    q = params.get("q", "").strip()
    if q:
        qs, used["q"] = qs.filter(code__icontains=q), q
    for param, field in (("migrant_status", "migrant_status_id"), ("region", "region_of_origin_id")):
        value = params.get(param, "")
        if value.isdigit():
            qs, used[param] = qs.filter(**{field: int(value)}), value
    age = params.get("age_band", "")
    if age and age in AgeBand.values:
        qs, used["age_band"] = qs.filter(age_band=age), age
    scope = params.get("scope", "")
    if scope in ConsentScope.values:
        qs, used["scope"] = access.with_consent(qs, scope), scope
    withdrawn = params.get("withdrawn", "")
    if withdrawn in ("yes", "no"):
        qs, used["withdrawn"] = qs.filter(withdrawn_at__isnull=(withdrawn == "no")), withdrawn
    return qs, used


# --- the register --------------------------------------------------------------------------------------------


@login_required
def participant_list_view(request, pk: int):
    partnership = _register_partnership(request.user, pk)
    qs = (
        access.participants_visible_to(request.user)
        .filter(partnership=partnership)
        .select_related("work_sector")
        .defer("name", "contacts")  # identity is never decrypted for a list
        .annotate(has_consent=Exists(ConsentRecord.objects.filter(participant=OuterRef("pk"))))
        .order_by("code", "pk")
    )
    qs, used = filter_register(qs, request.GET)
    page = paginate(request, qs, per_page=50)
    for p in page:
        p.scope_tags = _scope_tags(p)
    return render(request, "evidence/participant_list.html", {
        "partnership": partnership,
        "page": page,
        "used": used,
        "query": urlencode(used),
        "can_edit": access.can_edit(request.user, partnership),
        "is_team": can_see_evidence(request.user, partnership),
        "migrant_statuses": terms("migrant_status", partnership.programme),
        "regions": terms("region", partnership.programme),
        "age_bands": [c for c in AgeBand.choices if c[0]],
        "scopes": [(s.value, SCOPE_TAGS[s]) for s in ConsentScope],
    })


@login_required
def participant_create_view(request, pk: int):
    partnership = _team_partnership(request.user, pk)
    identity = can_see_identities(request.user, partnership)
    form = ParticipantForm(request.POST or None, programme=partnership.programme, identity=identity)
    if request.method == "POST" and form.is_valid():
        try:
            participant = participant_create(actor=request.user, partnership=partnership, **form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Participant %(code)s is registered. Record her consent now.")
                             % {"code": participant.code})
            return redirect("evidence:consent_record", pk=participant.pk)
    return render(request, "evidence/participant_form.html", {"partnership": partnership, "form": form})


@login_required
def participant_edit_view(request, pk: int):
    participant = access.get_participant_for_user(request.user, pk, write=True)
    identity = access.can_see_identity(request.user, participant)
    form = ParticipantForm(
        request.POST or None, programme=participant.partnership.programme, identity=identity, editing=True,
        attributes=participant.attributes,
        in_use=[participant.migrant_status_id, participant.region_of_origin_id, participant.work_sector_id,
                participant.household_role_id],
        initial={
            "migrant_status": participant.migrant_status_id, "age_band": participant.age_band,
            "region_of_origin": participant.region_of_origin_id, "destination": participant.destination,
            "work_sector": participant.work_sector_id, "household_role": participant.household_role_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            participant_update(actor=request.user, participant=participant,
                               **form.values(existing_attributes=participant.attributes))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("evidence:participant_detail", pk=participant.pk)
    return render(request, "evidence/participant_form.html", {
        "partnership": participant.partnership, "participant": participant, "form": form,
    })


@login_required
def participant_detail_view(request, pk: int):
    participant = access.get_participant_for_user(request.user, pk)
    return render(request, "evidence/participant_detail.html", _detail_context(request, participant))


def _detail_context(request, participant) -> dict:
    user = request.user
    team = _is_team(user, participant)
    definitions = AttributeDefinition.objects.filter(programme_id=participant.partnership.programme_id)
    attributes = [(d.label, participant.attributes[d.key]) for d in definitions if d.key in participant.attributes]
    consents = list(participant.consents.select_related("recorded_by")) if team else []
    languages = dict(settings.LANGUAGES)
    for c in consents:
        c.scope_tags = [SCOPE_TAGS[ConsentScope(s)] for s in c.scopes if s in ConsentScope.values]
        c.language_name = languages.get(c.language, c.language)
    return {
        "participant": participant,
        "partnership": participant.partnership,
        "attributes": attributes,
        "scope_tags": _scope_tags(participant),
        "refused": [ConsentScope(s).label for s in ConsentScope.values if not participant.allows(s)],
        "is_team": team,
        "can_edit": access.can_edit(user, participant.partnership),
        "can_see_identity": access.can_see_identity(user, participant),
        "consents": consents,
        "follow_up": exports_to_follow_up(participant) if team else [],
    }


@login_required
def participant_identity_view(request, pk: int):
    """Her name and contacts, for this one answer: researchers of her partnership, password confirmed, audited."""
    participant = access.get_participant_for_user(request.user, pk)
    if not access.can_see_identity(request.user, participant):
        raise Http404
    if confirm := reauth_redirect(request):
        return confirm
    form = IdentityReasonForm(request.POST or None)
    revealed = False
    if request.method == "POST" and form.is_valid():
        audit_read(actor=request.user, obj=participant, partnership=participant.partnership,
                   reason=form.cleaned_data["reason"], ip_address=request.META.get("REMOTE_ADDR"))
        revealed = True
    response = render(request, "evidence/participant_identity.html",
                      {"participant": participant, "form": form, "revealed": revealed})
    return _no_store(response)


# --- consent -------------------------------------------------------------------------------------------------


@login_required
def consent_record_view(request, pk: int):
    """Record her consent, or change it: the form starts from what she allows now."""
    participant = access.get_participant_for_user(request.user, pk, write=True)
    latest = participant.consents.first()
    initial = {"date": today(), "method": ConsentRecord.Method.ORAL, "language": translation.get_language()}
    if latest is not None:
        initial.update(language=latest.language, method=latest.method, scopes=current_scopes(participant))
    form = ConsentForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            consent_record(actor=request.user, participant=participant, date=d["date"], method=d["method"],
                           language=d["language"], scopes=d["scopes"], form=d["form"], note=d["note"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Her consent is recorded."))
            return redirect("evidence:participant_detail", pk=participant.pk)
    return render(request, "evidence/consent_form.html", {
        "participant": participant, "form": form, "changing": latest is not None,
    })


@login_required
def consent_withdraw_view(request, pk: int):
    """Withdraw all or part of her consent: a form, then a confirmation page, then the withdrawal."""
    participant = access.get_participant_for_user(request.user, pk, write=True)
    allowed = current_scopes(participant)
    form = WithdrawForm(request.POST or None, allowed=allowed, initial={"date": today(), "what": WithdrawForm.SOME})
    context = {"participant": participant, "form": form, "allowed": allowed}
    if request.method != "POST" or not allowed or not form.is_valid():
        return render(request, "evidence/consent_withdraw.html", context)
    scopes = form.withdrawn_scopes()
    if request.POST.get("confirm") != "yes":
        context["withdrawn"] = [ConsentScope(s).label for s in (scopes or allowed)]
        context["everything"] = scopes is None
        return render(request, "evidence/consent_withdraw_confirm.html", context)
    latest = participant.consents.first()
    try:
        with transaction.atomic():
            consent_withdraw(actor=request.user, participant=participant, date=form.cleaned_data["date"],
                             scopes=scopes, note=form.cleaned_data["note"],
                             language=latest.language if latest else "")
    except ValidationError as exc:
        form.add_error(None, exc)
        return render(request, "evidence/consent_withdraw.html", context)
    messages.success(request, _("The withdrawal is recorded. Check below what was already shared or exported."))
    return redirect(reverse("evidence:participant_detail", kwargs={"pk": participant.pk}) + "#follow-up")


@login_required
def consent_summary_view(request, pk: int):
    """A printable summary of her consent in her language; her name only if a researcher adds it knowingly."""
    participant = access.get_participant_for_user(request.user, pk)
    if not _is_team(request.user, participant):
        raise Http404
    with_name = request.GET.get("name") == "1"
    if with_name:
        if not access.can_see_identity(request.user, participant):
            raise Http404
        if confirm := reauth_redirect(request):
            return confirm
        audit_read(actor=request.user, obj=participant, partnership=participant.partnership,
                   reason="printed consent summary with her name", ip_address=request.META.get("REMOTE_ADDR"))
    latest = participant.consents.first()
    languages = dict(settings.LANGUAGES)
    language = latest.language if latest is not None and latest.language in languages else translation.get_language()
    with translation.override(language):
        response = render(request, "evidence/consent_summary.html", {
            "participant": participant,
            "consent": latest,
            "allowed": [(ConsentScope(s).label, SCOPE_EXPLAINED_TO_HER[ConsentScope(s)])
                        for s in current_scopes(participant)],
            "refused": [ConsentScope(s).label for s in ConsentScope.values if not participant.allows(s)],
            "with_name": with_name,
            "can_see_identity": access.can_see_identity(request.user, participant),
            "summary_language": language,
        })
    return _no_store(response) if with_name else response


@login_required
def consent_form_view(request, pk: int):
    """The signed consent form (it bears her name): researchers only, password confirmed, audited."""
    visible = access.participants_visible_to(request.user)
    record = one_or_404(ConsentRecord.objects.select_related("participant__partnership")
                        .filter(participant__in=visible), pk)
    if not access.can_see_identity(request.user, record.participant) or not record.form:
        raise Http404
    if confirm := reauth_redirect(request):
        return confirm
    audit_read(actor=request.user, obj=record.participant, partnership=record.participant.partnership,
               reason="signed consent form", ip_address=request.META.get("REMOTE_ADDR"))
    name = record.form.name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(record.form.open("rb"), as_attachment=True, filename=name, content_type=content_type)
    return _no_store(response)


# --- export --------------------------------------------------------------------------------------------------


@login_required
def participant_export_view(request, pk: int):
    """CSV or XLSX of the register (with its filters), for one purpose; names only after the password again."""
    partnership = _register_partnership(request.user, pk)
    identity = can_see_identities(request.user, partnership)
    form = ExportForm(request.POST or None, identity=identity,
                      initial={"purpose": request.GET.get("scope") or ConsentScope.ANALYSIS})
    params = request.POST if request.method == "POST" else request.GET
    visible = access.participants_visible_to(request.user).filter(partnership=partnership)
    narrowed, used = filter_register(visible, params)
    context = {"partnership": partnership, "form": form, "used": used, "query": urlencode(used)}
    if request.method != "POST" or not form.is_valid():
        return render(request, "evidence/participant_export.html", context)
    d = form.cleaned_data
    include_identity = bool(d.get("include_identity"))
    if include_identity and (confirm := reauth_redirect(request)):
        return confirm
    try:
        record, content, content_type, filename = participants_export(
            actor=request.user, partnership=partnership, purpose=d["purpose"], fmt=d["format"],
            include_identity=include_identity, language=translation.get_language(),
            queryset=narrowed if used else None, filters=used,
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return render(request, "evidence/participant_export.html", context)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _no_store(response)
