"""The suggestion classifiers one may train: their latest held-out measures, the history, the Train button."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.analysis.models import Code, Suggestion
from ovoz.analysis.services import suggestions as service
from ovoz.analysis.suggest import access
from ovoz.analysis.suggest.dataset import scope_sources
from ovoz.programmes.access import coordinated_programme_ids, get_partnership_for_user, get_programme_for_user
from ovoz.programmes.models import Partnership, Programme
from ovoz.web.pagination import paginate

LONG_TEXTS = ("transcript", "translation_en", "notes", "stakeholders_present", "outcomes")


def _percent(value) -> int:
    return round(100 * (value or 0))


def describe(run) -> dict | None:
    """A run's measures, ready for the page: percentages, and a row per code with its name."""
    if run is None:
        return None
    m = run.metrics or {}
    out = {"run": run, "evaluated": bool(m.get("evaluated")), "folds": m.get("folds"), "sentences":
           m.get("sentences"), "sources": m.get("sources"), "threshold": _percent(m.get("threshold")),
           "examples": m.get("examples", run.examples), "rejected": m.get("rejected", 0), "codes": []}
    for name in ("model", "baseline"):
        part = m.get(name) or {}
        out[name] = {k: _percent(part.get(k)) for k in ("precision", "recall", "f1")}
    positives = m.get("positives") or {}
    names = {str(c.pk): c for c in Code.objects.filter(pk__in=[int(k) for k in positives])}
    per_model = (m.get("model") or {}).get("per_code", {})
    per_base = (m.get("baseline") or {}).get("per_code", {})
    for key, count in sorted(positives.items(), key=lambda kv: -kv[1]):
        row = {"code": names.get(key), "positives": count, "support": (m.get("support") or {}).get(key, 0)}
        row["model"] = {k: _percent(per_model.get(key, {}).get(k)) for k in ("precision", "recall", "f1")}
        row["baseline_f1"] = _percent(per_base.get(key, {}).get("f1"))
        out["codes"].append(row)
    return out


def _scope(request, programme_id=None, partnership_id=None) -> tuple[Programme, Partnership | None]:
    user = request.user
    if partnership_id is not None:
        partnership = get_partnership_for_user(user, partnership_id)
        programme = partnership.programme
    else:
        partnership, programme = None, get_programme_for_user(user, programme_id)
    if not access.can_train(user, programme, partnership):
        raise Http404
    return programme, partnership


def _scope_url(programme, partnership) -> str:
    if partnership is not None:
        return reverse("analysis:suggestions_partnership", args=[partnership.pk])
    return reverse("analysis:suggestions_programme", args=[programme.pk])


def _train_url(programme, partnership) -> str:
    if partnership is not None:
        return reverse("analysis:suggestions_train_partnership", args=[partnership.pk])
    return reverse("analysis:suggestions_train_programme", args=[programme.pk])


@login_required
def index(request):
    """Every codebook whose classifier she may train, with its latest measures."""
    user = request.user
    scopes = []
    for programme in Programme.objects.filter(pk__in=coordinated_programme_ids(user)).order_by("title"):
        scopes.append((programme, None))
    for partnership in Partnership.objects.select_related("programme", "organisation").filter(
            pk__in=access.coding_partnership_ids(user)).order_by("programme__title", "organisation__name"):
        scopes.append((partnership.programme, partnership))
    rows = [{"programme": p, "partnership": s, "url": _scope_url(p, s),
             "latest": describe(service.latest_run(p, s))} for p, s in scopes]
    return render(request, "analysis/suggestion_index.html", {"rows": rows})


def _scope_context(request, programme, partnership, *, error=None) -> dict:
    user = request.user
    runs = access.classifier_runs_visible_to(user).filter(programme=programme, partnership=partnership)
    history = paginate(request, runs.order_by("-trained_at", "-pk"), per_page=20)
    sources = None
    if partnership is not None:
        pending = Count("suggestions", filter=Q(suggestions__status=Suggestion.Status.PENDING))
        sources = (scope_sources(user, programme, partnership).defer(*LONG_TEXTS).annotate(pending=pending)
                   .order_by("-pending", "title")[:50])
    return {"programme": programme, "partnership": partnership, "history": history,
            "latest": describe(service.latest_run(programme, partnership)), "sources": sources,
            "train_url": _train_url(programme, partnership), "error": error,
            "threshold": round(100 * service.threshold()), "min_examples": service.min_examples()}


@login_required
def scope(request, programme_id=None, partnership_id=None):
    programme, partnership = _scope(request, programme_id, partnership_id)
    return render(request, "analysis/suggestion_scope.html", _scope_context(request, programme, partnership))


@login_required
@require_POST
def train(request, programme_id=None, partnership_id=None):
    """Train now, in the request (seconds for a few thousand coded sentences; the page says it is working)."""
    programme, partnership = _scope(request, programme_id, partnership_id)
    error = None
    try:
        service.suggestions_train(actor=request.user, programme=programme, partnership=partnership)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx:
        context = _scope_context(request, programme, partnership, error=error)
        return render(request, "analysis/suggestion_latest.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The classifier is trained."))
    return redirect(_scope_url(programme, partnership))
