"""The coordinator's ordered lists of an event: its agenda and its expected outputs (with their outcome)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ovoz.events import access
from ovoz.events.forms import OutputFormSet, SessionFormSet, formset_items
from ovoz.events.services import OUTPUT_FIELDS, SESSION_FIELDS, agenda_set, expected_outputs_set


def _edit_list(request, *, event, formset_class, rows, fields, save, template, done):
    initial = [{"id": row.pk, **{f: getattr(row, f) for f in fields}} for row in rows]
    formset = formset_class(request.POST or None, initial=initial, prefix="rows")
    errors = []
    if request.method == "POST" and formset.is_valid():
        try:
            save(actor=request.user, event=event, items=formset_items(formset))
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, done)
            return redirect(request.path)
    return render(request, template, {"event": event, "formset": formset, "errors": errors})


@login_required
def agenda_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    return _edit_list(
        request,
        event=event,
        formset_class=SessionFormSet,
        rows=event.agenda.all(),
        fields=SESSION_FIELDS,
        save=lambda *, actor, event, items: agenda_set(actor=actor, event=event, sessions=items),
        template="events/agenda_form.html",
        done=_("The agenda is saved."),
    )


@login_required
def outputs_view(request, pk: int):
    event = access.get_event_for_user(request.user, pk, write=True)
    return _edit_list(
        request,
        event=event,
        formset_class=OutputFormSet,
        rows=event.outputs.all(),
        fields=OUTPUT_FIELDS,
        save=lambda *, actor, event, items: expected_outputs_set(actor=actor, event=event, outputs=items),
        template="events/outputs_form.html",
        done=_("The expected outputs are saved."),
    )
