"""The short participant evaluation: the coordinator's topics and state, and each participant's own form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ovoz.events import access
from ovoz.events.forms import EvaluationForm, TopicFormSet, formset_items
from ovoz.events.models import Event
from ovoz.events.services import evaluation_close, evaluation_open, evaluation_submit, evaluation_topics_set


@login_required
def topics_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    initial = [{"id": t.pk, "title": t.title} for t in event.topics.all()]
    formset = TopicFormSet(request.POST or None, initial=initial, prefix="rows")
    errors = []
    if request.method == "POST" and formset.is_valid():
        try:
            evaluation_topics_set(actor=request.user, event=event, topics=formset_items(formset))
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("The topics are saved."))
            return redirect("events:topics", pk=event.pk)
    return render(
        request,
        "events/topics.html",
        {"event": event, "formset": formset, "errors": errors, "n_responses": event.responses.count()},
    )


@login_required
@require_POST
def evaluation_state_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    action = request.POST.get("action")
    try:
        if action == "open":
            evaluation_open(actor=request.user, event=event)
            messages.success(request, _("The evaluation is open to the participants who attended."))
        elif action == "close":
            evaluation_close(actor=request.user, event=event)
            messages.success(request, _("The evaluation is closed."))
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as exc:
        for msg in exc.messages:
            messages.error(request, msg)
    return redirect("events:topics", pk=event.pk)


@login_required
def evaluate_view(request, pk: int):
    """Her own before/after self-assessment: once, changeable while the evaluation is open."""
    event = access.get_evaluation_event_for_user(request.user, pk)
    topics = list(event.topics.all())
    mine = access.own_response(request.user, event)
    initial = {}
    if mine is not None:
        initial["comment"] = mine.comment
        for score in mine.scores.all():
            initial[f"before_{score.topic_id}"] = str(score.before)
            initial[f"after_{score.topic_id}"] = str(score.after)
    is_open = event.evaluation_state == Event.EvaluationState.OPEN
    form = EvaluationForm(request.POST if is_open and request.method == "POST" else None, topics=topics,
                          initial=initial)
    if not is_open:
        for field in form.fields.values():
            field.disabled = True
    if is_open and request.method == "POST" and form.is_valid():
        try:
            first = evaluation_submit(
                actor=request.user, event=event, answers=form.answers(), comment=form.cleaned_data["comment"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Thank you: your answers are saved.") if first else _("Your answers are changed."),
            )
            return redirect("events:detail", pk=event.pk)
    return render(
        request,
        "events/evaluation_form.html",
        {"event": event, "form": form, "is_open": is_open, "answered": mine is not None},
    )
