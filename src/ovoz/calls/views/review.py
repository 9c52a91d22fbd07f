"""The reviewer's pages: the applications of a call she reviews, and her review of one of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.calls import access, eligibility
from ovoz.calls.forms import ReviewForm
from ovoz.calls.models import Review
from ovoz.calls.services import review_save
from ovoz.web.pagination import paginate


@login_required
def review_list_view(request, pk: int):
    call = access.get_call_for_reviewer(request.user, pk)
    mine = Review.objects.filter(reviewer=request.user)
    applications = (
        access.applications_reviewable_by(request.user)
        .filter(call=call)
        .prefetch_related(Prefetch("reviews", queryset=mine, to_attr="my_reviews"))
        .order_by("submitted_at", "pk")
    )
    rows = [(a, a.my_reviews[0] if a.my_reviews else None) for a in applications]
    done = sum(1 for _a, r in rows if r is not None and r.is_submitted)
    return render(
        request,
        "calls/review_list.html",
        {"call": call, "page": paginate(request, rows, per_page=50), "done": done, "total": len(rows)},
    )


@login_required
def review_view(request, pk: int):
    application = access.get_application_for_reviewer(request.user, pk)
    call = application.call
    criteria = list(call.criteria.all())
    visible = list(access.reviews_visible_to(request.user, application))
    own = next((r for r in visible if r.reviewer_id == request.user.pk), None)
    others = [r for r in visible if r.reviewer_id != request.user.pk]
    can_edit = not call.is_announced and not (own and own.is_submitted)
    form = ReviewForm(request.POST or None, criteria=criteria, review=own)
    if request.method == "POST":
        if not can_edit:
            messages.error(request, _("This review can no longer change."))
            return redirect("calls:review", pk=application.pk)
        if form.is_valid():
            submit = request.POST.get("action") == "submit"
            try:
                review_save(
                    actor=request.user,
                    application=application,
                    scores=form.scores(),
                    comment=form.cleaned_data["comment"],
                    submit=submit,
                )
            except ValidationError as exc:
                for m in exc.messages:
                    form.add_error(None, m)
            else:
                if submit:
                    messages.success(request, _("Your review is submitted. You can now see the other reviews."))
                else:
                    messages.success(request, _("Your draft is saved. Nobody else sees it."))
                return redirect("calls:review", pk=application.pk)
    return render(
        request,
        "calls/review_form.html",
        {
            "call": call,
            "application": application,
            "focus_areas": application.focus_areas.all(),
            "results": eligibility.check(application),
            "form": form,
            "own": own,
            "others": others,
            "can_edit": can_edit,
        },
    )
