"""The review calendar: reviews and submission deadlines, kept by coordinators."""

import copy
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ovoz.mechanisms import access
from ovoz.mechanisms.forms import ReviewForm
from ovoz.mechanisms.models import COUNTRIES, Review
from ovoz.mechanisms.services import review_create, review_delete, review_update
from ovoz.mechanisms.views.common import clean_choice, editor_or_404, member_or_404
from ovoz.web.pagination import paginate


@login_required
def review_list_view(request):
    user = request.user
    member_or_404(user)
    mechanisms = list(access.mechanisms_visible_to(user))
    filters = {
        "country": clean_choice(request.GET.get("country", ""), {c for c, _l in COUNTRIES}),
        "mechanism": clean_choice(request.GET.get("mechanism", ""), {str(m.pk) for m in mechanisms}),
        "when": clean_choice(request.GET.get("when", ""), {"upcoming", "past"}),
    }
    qs = access.reviews_visible_to(user)
    if filters["country"]:
        qs = qs.filter(country=filters["country"])
    if filters["mechanism"]:
        qs = qs.filter(mechanism_id=int(filters["mechanism"]))
    today = timezone.localdate()
    if filters["when"] == "upcoming":
        qs = qs.exclude(status=Review.Status.HELD)
    elif filters["when"] == "past":
        qs = qs.filter(status=Review.Status.HELD)
    return render(request, "mechanisms/review_list.html", {
        "page": paginate(request, qs, per_page=25), "filters": filters, "countries": COUNTRIES,
        "mechanisms": mechanisms, "today": today, "can_edit": access.can_edit_registry(user),
        "query": urlencode({k: v for k, v in filters.items() if v}),
    })


@login_required
def review_detail_view(request, pk: int):
    review = access.get_review_for_user(request.user, pk)
    return render(request, "mechanisms/review_detail.html", {
        "review": review, "reminders": review.reminders.all(), "can_edit": access.can_edit_registry(request.user),
        "today": timezone.localdate(),
    })


@login_required
def review_create_view(request):
    editor_or_404(request.user)
    form = ReviewForm(request.POST or None, initial={"as_of": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            review = review_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The review is in the calendar."))
            return redirect("mechanisms:review_detail", pk=review.pk)
    return render(request, "mechanisms/review_form.html", {"form": form, "review": None})


@login_required
def review_edit_view(request, pk: int):
    review = access.get_review_for_user(request.user, pk, write=True)
    form = ReviewForm(request.POST or None, instance=copy.copy(review))
    if request.method == "POST" and form.is_valid():
        try:
            review_update(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The review is saved."))
            return redirect("mechanisms:review_detail", pk=review.pk)
    return render(request, "mechanisms/review_form.html", {"form": form, "review": review})


@login_required
def review_delete_view(request, pk: int):
    review = access.get_review_for_user(request.user, pk, write=True)
    if request.method == "POST":
        review_delete(actor=request.user, review=review)
        messages.success(request, _("The review is removed from the calendar."))
        return redirect("mechanisms:reviews")
    return render(request, "mechanisms/confirm.html", {
        "title": _("Remove this review?"), "object": review,
        "cancel_href": reverse("mechanisms:review_detail", kwargs={"pk": review.pk}),
        "explain": _("The review and the record of reminders sent for it will be removed."),
    })
