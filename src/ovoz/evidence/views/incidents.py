"""Documented violations of a partnership: the list, recording an incident whole (acts, interventions, sources,
labour claim) on one page, its page, the employer's name for researchers only, and deletion.

Every incident is fetched through ``ovoz.evidence.access``: the team sees its incidents, coordinators only those
shared with them whose victims all allow it. The employer's name is shown only to the partnership's
researchers, after they confirm their password, and each reveal is audited.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.security import reauth_redirect
from ovoz.audit.services import audit_read
from ovoz.evidence import access
from ovoz.evidence.forms.incidents import (
    ActForm,
    IncidentFilterForm,
    IncidentForm,
    InterventionForm,
    LabourClaimForm,
    SourceLinkForm,
)
from ovoz.evidence.models import Act, IncidentSource, LabourClaim, Participant, Term
from ovoz.evidence.services.incidents import (
    KEEP,
    describe_when,
    incident_create,
    incident_delete,
    incident_source_unlink,
    incident_update,
    terms_for,
)
from ovoz.evidence.views.sources import partnership_for_evidence, query_without_page
from ovoz.programmes.access import can_edit_evidence, can_see_identities, one_or_404
from ovoz.programmes.models import COUNTRIES
from ovoz.web.pagination import paginate

ActFormSet = formset_factory(ActForm, extra=0, can_delete=True)
InterventionFormSet = formset_factory(InterventionForm, extra=0, can_delete=True)
SourceLinkFormSet = formset_factory(SourceLinkForm, extra=0, can_delete=True)
CODES_ONLY = Participant.objects.only("id", "code", "partnership_id", "withdrawn_at").order_by("code")
COUNTRY_NAMES = dict(COUNTRIES)


def _with_descendants(term: Term) -> list[int]:
    ids, frontier = [term.pk], [term.pk]
    while frontier:
        frontier = list(Term.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids += frontier
    return ids


def _place(incident) -> str:
    parts = [incident.city, incident.region.label() if incident.region_id else "",
             str(COUNTRY_NAMES.get(incident.country, incident.country))]
    return ", ".join(p for p in parts if p)


# --- list ------------------------------------------------------------------------------------------------------


@login_required
def incident_list_view(request, pk: int):
    partnership = partnership_for_evidence(request.user, pk)
    programme = partnership.programme
    form = IncidentFilterForm(
        request.GET or None, violations=terms_for("violation", programme),
        perpetrators=terms_for("perpetrator", programme), regions=terms_for("region", programme).order_by("country"),
    )
    qs = access.incidents_visible_to(request.user).filter(partnership=partnership)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        if d["q"]:
            qs = qs.filter(title__icontains=d["q"].strip())
        # Acts in subqueries, not joins: an incident with two matching acts stays one row.
        if d["violation"]:
            qs = qs.filter(pk__in=Act.objects.filter(
                act_type_id__in=_with_descendants(Term(pk=int(d["violation"])))).values("incident_id"))
        if d["perpetrator"]:
            qs = qs.filter(pk__in=Act.objects.filter(
                perpetrator_type_id__in=_with_descendants(Term(pk=int(d["perpetrator"])))).values("incident_id"))
        if d["status"]:
            qs = qs.filter(status=d["status"])
        if d["country"]:
            qs = qs.filter(country=d["country"])
        if d["region"]:
            qs = qs.filter(region_id=int(d["region"]))
        if d["date_from"]:
            qs = qs.filter(Q(end_date__gte=d["date_from"]) | Q(end_date__isnull=True, date__gte=d["date_from"]))
        if d["date_to"]:
            qs = qs.filter(date__lte=d["date_to"])
    qs = (
        qs.defer("narrative")
        .select_related("region")
        .prefetch_related(Prefetch("acts", queryset=Act.objects.select_related("act_type")))
        .order_by("-date", "title", "pk")
    )
    page = paginate(request, qs, per_page=25)
    for incident in page:
        incident.when = describe_when(incident)
        incident.place = _place(incident)
        incident.act_labels = sorted({act.act_type.label() for act in incident.acts.all()})
    return render(request, "evidence/incident_list.html", {
        "partnership": partnership, "page": page, "form": form, "query": query_without_page(request),
        "can_edit": can_edit_evidence(request.user, partnership),
    })


# --- create and edit -------------------------------------------------------------------------------------------


class IncidentForms:
    """The incident form, its three row formsets and the labour claim, built and read together."""

    def __init__(self, request, partnership, incident=None):
        user, programme = request.user, partnership.programme
        data = request.POST if request.method == "POST" else None
        claim = LabourClaim.objects.filter(incident=incident).first() if incident else None
        current = list(Participant.objects.filter(acts__incident=incident).distinct()) if incident else []
        participants = (
            access.participants_visible_to(user).filter(partnership=partnership)
            .filter(Q(withdrawn_at__isnull=True) | Q(pk__in=[p.pk for p in current]))
            .defer("name", "contacts").order_by("code")
        )
        sources = access.sources_visible_to(user).filter(partnership=partnership).order_by("-date", "title")
        self.can_name_employer = can_see_identities(user, partnership)
        self.incident = incident
        self.form = IncidentForm(
            data, initial=self._initial(incident), regions=terms_for("region", programme).order_by("country"),
            rights=terms_for("right", programme),
        )
        self.acts = ActFormSet(
            data, prefix="acts", initial=self._acts(incident),
            form_kwargs={"act_types": terms_for("violation", programme),
                         "perpetrators": terms_for("perpetrator", programme), "participants": participants},
        )
        if incident is None and data is None:
            self.acts.extra = 1
        self.interventions = InterventionFormSet(
            data, prefix="interventions", initial=self._interventions(incident),
            form_kwargs={"intervention_types": terms_for("intervention", programme)},
        )
        self.links = SourceLinkFormSet(
            data, prefix="links", initial=self._links(incident), form_kwargs={"sources": sources},
        )
        self.labour = LabourClaimForm(
            data, prefix="labour", initial=self._labour(claim), can_name_employer=self.can_name_employer,
            has_employer_name=bool(claim and claim.employer_name),
        )
        self.has_vocabulary = terms_for("violation", programme).exists()

    @staticmethod
    def _initial(incident):
        if incident is None:
            return {}
        out = {name: getattr(incident, name) for name in (
            "title", "narrative", "date", "date_precision", "end_date", "country", "city", "status",
            "shared_with_programme")}
        out["region"] = str(incident.region_id or "")
        out["rights"] = list(incident.rights.all())
        return out

    @staticmethod
    def _acts(incident):
        if incident is None:
            return []
        return [{"id": a.pk, "act_type": a.act_type_id, "perpetrator_type": a.perpetrator_type_id,
                 "perpetrator_description": a.perpetrator_description, "note": a.note,
                 "victims": [v.pk for v in a.victims.all()]}
                for a in incident.acts.prefetch_related("victims")]

    @staticmethod
    def _interventions(incident):
        if incident is None:
            return []
        return [{"id": i.pk, "intervention_type": i.intervention_type_id, "date": i.date, "by_whom": i.by_whom,
                 "status": i.status, "response": i.response, "outcome": i.outcome}
                for i in incident.interventions.all()]

    @staticmethod
    def _links(incident):
        if incident is None:
            return []
        return [{"id": li.pk, "source": li.source_id, "connection": li.connection, "reliability": li.reliability}
                for li in incident.source_links.all()]

    @staticmethod
    def _labour(claim):
        if claim is None:
            return {}
        out = {name: getattr(claim, name) for name in (
            "employer_type", "contract", "wages_owed", "currency", "wages_period", "hours_per_week",
            "documents_confiscated", "documents_confiscated_by", "recovered_amount")}
        out["has_claim"] = True
        return out

    def is_valid(self) -> bool:
        results = [self.form.is_valid(), self.acts.is_valid(), self.interventions.is_valid(), self.links.is_valid(),
                   self.labour.is_valid()]
        return all(results)

    @staticmethod
    def _rows(formset, fields):
        rows = []
        for form in formset.forms:
            d = getattr(form, "cleaned_data", None) or {}
            if not d or d.get("DELETE"):
                continue
            row = {name: d.get(name) for name in fields}
            if name_id := d.get("id"):
                row["id"] = name_id
            rows.append(row)
        return rows

    def service_kwargs(self) -> dict:
        acts = self._rows(self.acts, ["act_type", "victims", "perpetrator_type", "perpetrator_description", "note"])
        for act in acts:
            act["victims"] = list(act["victims"] or [])
            act["perpetrator_description"] = act["perpetrator_description"] or ""
            act["note"] = act["note"] or ""
        interventions = self._rows(self.interventions, ["intervention_type", "date", "by_whom", "status", "response",
                                                        "outcome"])
        for item in interventions:
            for name in ("by_whom", "response", "outcome"):
                item[name] = item[name] or ""
        links = self._rows(self.links, ["source", "connection", "reliability"])
        for link in links:
            link.pop("id", None)
        return {
            **self.form.values(), "rights": list(self.form.cleaned_data["rights"]), "acts": acts,
            "interventions": interventions, "links": links, "labour": self.labour.claim(KEEP),
        }

    def add_error(self, exc: ValidationError) -> None:
        self.form.add_error(None, exc)

    def context(self) -> dict:
        return {"form": self.form, "acts": self.acts, "interventions": self.interventions, "links": self.links,
                "labour": self.labour, "has_vocabulary": self.has_vocabulary, "incident": self.incident}


def _render_form(request, forms: IncidentForms, partnership, status=200):
    return render(request, "evidence/incident_form.html", {**forms.context(), "partnership": partnership},
                  status=status)


@login_required
def incident_create_view(request, pk: int):
    partnership = partnership_for_evidence(request.user, pk, write=True)
    forms = IncidentForms(request, partnership)
    if request.method == "POST":
        if forms.is_valid():
            try:
                incident = incident_create(actor=request.user, partnership=partnership, **forms.service_kwargs())
            except ValidationError as exc:
                forms.add_error(exc)
            else:
                messages.success(request, _("The incident is recorded."))
                return redirect("evidence:incident_detail", pk=incident.pk)
        return _render_form(request, forms, partnership, status=400)
    return _render_form(request, forms, partnership)


@login_required
def incident_edit_view(request, pk: int):
    incident = access.get_incident_for_user(request.user, pk, write=True)
    forms = IncidentForms(request, incident.partnership, incident)
    if request.method == "POST":
        if forms.is_valid():
            try:
                incident_update(actor=request.user, incident=incident, **forms.service_kwargs())
            except ValidationError as exc:
                forms.add_error(exc)
            else:
                messages.success(request, _("The incident is saved."))
                return redirect("evidence:incident_detail", pk=incident.pk)
        return _render_form(request, forms, incident.partnership, status=400)
    return _render_form(request, forms, incident.partnership)


# --- detail ----------------------------------------------------------------------------------------------------


@login_required
def incident_detail_view(request, pk: int):
    incident = access.get_incident_for_user(request.user, pk)
    partnership = incident.partnership
    can_edit = access.can_edit(request.user, partnership)
    acts = list(
        incident.acts.select_related("act_type", "perpetrator_type")
        .prefetch_related(Prefetch("victims", queryset=CODES_ONLY))
    )
    victims = {v.pk: v for a in acts for v in a.victims.all()}
    analysis_ok = access.incidents_visible_to(request.user, scope="analysis").filter(pk=incident.pk).exists()
    visible_sources = access.sources_visible_to(request.user)
    links = incident.source_links.filter(source__in=visible_sources).select_related("source").order_by("source__date")
    claim = LabourClaim.objects.filter(incident=incident).first()
    return render(request, "evidence/incident_detail.html", {
        "incident": incident, "partnership": partnership, "can_edit": can_edit, "acts": acts,
        "show_text": can_edit or analysis_ok, "when": describe_when(incident), "place": _place(incident),
        "rights": incident.rights.all(), "links": links, "claim": claim,
        "interventions": incident.interventions.select_related("intervention_type"),
        "can_name_employer": can_see_identities(request.user, partnership),
        "withdrawn": sorted(v.code for v in victims.values() if v.withdrawn_at),
    })


@login_required
def incident_employer_view(request, pk: int):
    """The employer's or recruiter's name: the partnership's researchers, after their password, audited."""
    incident = access.get_incident_for_user(request.user, pk)
    claim = LabourClaim.objects.filter(incident=incident).first()
    if claim is None or not claim.employer_name or not can_see_identities(request.user, incident.partnership):
        raise Http404
    if confirm := reauth_redirect(request):
        return confirm
    audit_read(actor=request.user, obj=claim, partnership=incident.partnership, reason="employer name",
               ip_address=request.META.get("REMOTE_ADDR"))
    response = render(request, "evidence/incident_employer.html", {"incident": incident, "claim": claim})
    response["Cache-Control"] = "private, no-store"
    return response


# --- delete and unlink -----------------------------------------------------------------------------------------


@login_required
def incident_delete_view(request, pk: int):
    incident = access.get_incident_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        partnership_id = incident.partnership_id
        incident_delete(actor=request.user, incident=incident)
        messages.success(request, _("The incident is deleted."))
        return redirect("evidence:incident_list", pk=partnership_id)
    return render(request, "evidence/incident_delete.html", {
        "incident": incident, "n_acts": incident.acts.count(), "n_interventions": incident.interventions.count(),
        "n_links": incident.source_links.count(),
    })


@login_required
@require_POST
def incident_link_remove_view(request, pk: int):
    """Take a source off an incident (the first step before deleting the source)."""
    links = IncidentSource.objects.select_related("incident__partnership", "source").filter(
        incident__in=access.incidents_visible_to(request.user)
    )
    link = one_or_404(links, pk)
    if not access.can_edit(request.user, link.incident.partnership):
        raise Http404
    incident_source_unlink(actor=request.user, link=link)
    messages.success(request, _("“%(source)s” no longer documents “%(incident)s”.")
                     % {"source": link.source.title, "incident": link.incident.title})
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("evidence:incident_detail", pk=link.incident_id)

