"""Change stories: the list of a programme's stories she may see, one story, recording and feedback."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.accounts.security import reauth_redirect
from ovoz.impact import access
from ovoz.impact.forms import FeedbackForm, StoryForm
from ovoz.impact.models import ChangeLevel, ChangeStory
from ovoz.impact.services.stories import feedback_record, story_create, story_delete, story_update
from ovoz.impact.views._common import impact_programme, partnership_filter
from ovoz.programmes.access import get_partnership_for_user
from ovoz.web.pagination import paginate

PER_PAGE = 20


@login_required
def story_list_view(request, programme_id: int):
    programme = impact_programme(request.user, programme_id)
    qs = access.stories_visible_to(request.user).filter(partnership__programme=programme)
    qs, chosen, partnerships = partnership_filter(request, request.user, programme, qs)
    filters = {"partnership": chosen, "level": request.GET.get("level", ""), "q": request.GET.get("q", "").strip()}
    if filters["level"] in ChangeLevel.values:
        qs = qs.filter(level=filters["level"])
    else:
        filters["level"] = ""
    if filters["q"]:
        qs = qs.filter(Q(title__icontains=filters["q"]) | Q(social_actor__icontains=filters["q"]))
    own = [p for p in partnerships if access.can_record_stories(request.user, p)]
    return render(request, "impact/story_list.html", {
        "programme": programme, "page": paginate(request, qs.order_by("-collected_on", "-pk"), per_page=PER_PAGE),
        "filters": filters, "query": urlencode({k: v for k, v in filters.items() if v}),
        "partnerships": partnerships if len(partnerships) > 1 else [], "levels": ChangeLevel.choices,
        "own": own,
    })


@login_required
def story_create_view(request, pk: int):
    partnership = get_partnership_for_user(request.user, pk)
    if not access.can_record_stories(request.user, partnership):
        raise Http404
    form = StoryForm(request.POST or None, user=request.user, partnership=partnership,
                     initial={"collected_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            story = story_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The story is recorded."))
            return redirect("impact:story_detail", pk=story.pk)
    return render(request, "impact/form.html", {"form": form, "programme": partnership.programme,
                                                "title": _("New change story"), "subtitle": partnership})


@login_required
def story_detail_view(request, pk: int):
    story = access.get_story_for_user(request.user, pk)
    can_edit = access.can_record_stories(request.user, story.partnership)
    return render(request, "impact/story_detail.html", {
        "story": story, "programme": story.partnership.programme, "can_edit": can_edit,
        "selections": story.selections.select_related("round").filter(
            round__in=access.rounds_visible_to(request.user)),
        "outcomes": access.outcomes_visible_to(request.user).filter(stories=story),
        "feedback": story.feedback.select_related("given_by", "round"),
        "feedback_form": FeedbackForm(story=story, initial={"given_on": timezone.localdate()}) if can_edit else None,
    })


@login_required
def story_edit_view(request, pk: int):
    story = access.get_story_for_user(request.user, pk, write=True)
    form = StoryForm(request.POST or None, instance=story, user=request.user, partnership=story.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            story_update(actor=request.user, story=ChangeStory.objects.get(pk=story.pk), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The story is saved."))
            return redirect("impact:story_detail", pk=story.pk)
    return render(request, "impact/form.html", {"form": form, "programme": story.partnership.programme,
                                                "title": _("Edit change story"), "subtitle": story.title})


@login_required
def story_delete_view(request, pk: int):
    """Deleting evidence: password again, then confirmation."""
    story = access.get_story_for_user(request.user, pk, write=True)
    if confirm := reauth_redirect(request):
        return confirm
    if request.method == "POST":
        programme_id = story.partnership.programme_id
        story_delete(actor=request.user, story=story)
        messages.success(request, _("The story is deleted."))
        return redirect("impact:story_list", programme_id=programme_id)
    return render(request, "impact/confirm.html", {
        "title": _("Delete this change story?"), "name": story.title, "programme": story.partnership.programme,
        "text": _("Its selections in rounds and the feedback given to its teller are deleted with it."),
        "cancel": reverse("impact:story_detail", args=[story.pk]),
    })


@login_required
@require_POST
def feedback_view(request, pk: int):
    story = access.get_story_for_user(request.user, pk, write=True)
    form = FeedbackForm(request.POST, story=story)
    if form.is_valid():
        data = form.cleaned_data
        try:
            feedback_record(actor=request.user, story=story, given_on=data["given_on"], method=data["method"],
                            note=data["note"], selection_round=data["round"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The feedback to the storyteller is recorded."))
    else:
        messages.error(request, _("Give the date and how the feedback was given."))
    return redirect("impact:story_detail", pk=story.pk)
