"""Small helpers shared by the grants views."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def refused(form, exc: ValidationError) -> None:
    """Show a service's refusal on the form, in its own words."""
    for msg in exc.messages:
        form.add_error(None, msg)


def flash_refusal(request, exc: ValidationError) -> None:
    for msg in exc.messages:
        messages.error(request, msg)


def form_errors(request, form) -> None:
    """A form posted from a panel of another page: its errors go to that page as messages."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for e in errors:
            messages.error(request, f"{label}: {e}" if label else e)
