"""Double-coding rounds: the lists, starting a round, its page (progress, then agreement), finishing, cancelling.

Rounds are read only through ``double_codings_visible_to`` (sources one may analyse), so a round on a source
whose participant withdrew consent answers 404. The agreement figures and the disagreements open only when both
coders have finished; until then the page shows who has finished, nothing of either coder's codings.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ovoz.analysis.access import (
    analysable_sources_visible_to,
    can_code,
    double_codings_visible_to,
    get_double_coding_for_user,
)
from ovoz.analysis.models import Coding, DoubleCoding
from ovoz.analysis.services.agreement import (
    double_coding_cancel,
    double_coding_finish,
    double_coding_start,
    eligible_coders,
)
from ovoz.analysis.views.agreement_compare import agreement_rows
from ovoz.evidence.views.sources import LONG_TEXTS, query_without_page
from ovoz.programmes.access import (
    can_edit_evidence,
    can_see_shared_with_programme,
    get_partnership_for_user,
    memberships_of,
)
from ovoz.programmes.models import Partnership
from ovoz.web.pagination import paginate

STATUSES = DoubleCoding.Status


def _filtered(request, qs):
    status = request.GET.get("status") or ""
    if status in STATUSES.values:
        qs = qs.filter(status=status)
    q = (request.GET.get("q") or "").strip()
    if q:
        qs = qs.filter(source__title__icontains=q)
    return qs.defer(*(f"source__{f}" for f in LONG_TEXTS)).order_by("-created_at", "-pk"), status, q


@login_required
def round_index(request):
    """Every round one may see, and the partnerships in which one may start one."""
    qs, status, q = _filtered(request, double_codings_visible_to(request.user))
    page = paginate(request, qs, per_page=25)
    team = [m.partnership_id for m in memberships_of(request.user) if m.partnership_id]
    startable = [p for p in Partnership.objects.select_related("organisation").filter(pk__in=team)
                 if can_edit_evidence(request.user, p)]
    return render(request, "analysis/agreement_index.html", {
        "page": page, "status": status, "q": q, "statuses": STATUSES.choices, "query": query_without_page(request),
        "startable": startable,
    })


def _partnership(user, pk, *, write=False):
    partnership = get_partnership_for_user(user, pk)
    allowed = can_edit_evidence(user, partnership) if write else can_see_shared_with_programme(user, partnership)
    if not allowed:
        raise Http404
    return partnership


@login_required
def round_list(request, pk: int):
    partnership = _partnership(request.user, pk)
    qs, status, q = _filtered(request, double_codings_visible_to(request.user).filter(source__partnership=partnership))
    return render(request, "analysis/agreement_list.html", {
        "partnership": partnership, "page": paginate(request, qs, per_page=25), "status": status, "q": q,
        "statuses": STATUSES.choices, "query": query_without_page(request),
        "can_start": can_edit_evidence(request.user, partnership),
    })


@login_required
@require_http_methods(["GET", "POST"])
def round_start(request, pk: int):
    partnership = _partnership(request.user, pk, write=True)
    sources = (analysable_sources_visible_to(request.user).filter(partnership=partnership)
               .exclude(transcript="").defer(*LONG_TEXTS).order_by("-date", "title"))
    coders = list(eligible_coders(partnership))
    error, chosen = None, {}
    if request.method == "POST":
        chosen = {k: request.POST.get(k, "") for k in ("source", "coder_a", "coder_b", "note")}
        by_pk = {str(u.pk): u for u in coders}
        try:
            source = sources.filter(pk=int(chosen["source"])).first() if chosen["source"].isdigit() else None
            if source is None:
                raise ValidationError(_("Choose a source to double-code."))
            round_ = double_coding_start(actor=request.user, source=source, coder_a=by_pk.get(chosen["coder_a"]),
                                         coder_b=by_pk.get(chosen["coder_b"]), note=chosen["note"])
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The round has started. Each coder codes the source on her own."))
            return redirect("analysis:agreement_detail", round_.pk)
    return render(request, "analysis/agreement_start.html", {
        "partnership": partnership, "sources": sources[:500], "coders": coders, "error": error, "chosen": chosen,
    }, status=400 if error else 200)


def coding_page_url(round_: DoubleCoding) -> str | None:
    """The coding page in the round (it reads ``?round=``); None while that page is not installed."""
    from django.urls import NoReverseMatch, reverse

    try:
        return f"{reverse('analysis:coding', args=[round_.source_id])}?round={round_.pk}"
    except NoReverseMatch:
        return None


@login_required
def round_detail(request, pk: int):
    round_ = get_double_coding_for_user(request.user, pk)
    user = request.user
    mine = finished_mine = None
    if round_.is_coder(user):
        mine = Coding.objects.filter(double_coding=round_, coder=user).count()
        finished_mine = round_.finished_a_at if user.pk == round_.coder_a_id else round_.finished_b_at
    context = {
        "round": round_, "source": round_.source, "is_coder": mine is not None, "my_codings": mine,
        "i_finished": finished_mine is not None, "can_code": can_code(user, round_.source),
        "coding_url": coding_page_url(round_),
    }
    if round_.both_finished:
        context.update(agreement_rows(round_, request.LANGUAGE_CODE))
    return render(request, "analysis/agreement_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def round_finish(request, pk: int):
    round_ = get_double_coding_for_user(request.user, pk)
    if not round_.is_coder(request.user):
        raise Http404
    if request.method == "POST":
        try:
            round_ = double_coding_finish(actor=request.user, double_coding=round_)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if round_.both_finished:
                messages.success(request, _("Both coders have finished: the comparison is open."))
            else:
                messages.success(request, _("You have finished. The comparison opens when the other coder finishes."))
        return redirect("analysis:agreement_detail", round_.pk)
    mine = Coding.objects.filter(double_coding=round_, coder=request.user).count()
    return render(request, "analysis/agreement_finish.html", {"round": round_, "my_codings": mine})


@login_required
@require_http_methods(["GET", "POST"])
def round_cancel(request, pk: int):
    round_ = get_double_coding_for_user(request.user, pk, write=True)
    if request.method == "POST":
        try:
            double_coding_cancel(actor=request.user, double_coding=round_)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("analysis:agreement_detail", round_.pk)
        messages.success(request, _("The round is cancelled and its codings removed."))
        return redirect("analysis:agreement_rounds", round_.source.partnership_id)
    drafts = Coding.objects.filter(double_coding=round_).count()
    return render(request, "analysis/agreement_cancel.html", {"round": round_, "drafts": drafts})
