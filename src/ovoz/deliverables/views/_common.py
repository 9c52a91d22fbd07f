from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError


def report_refusal(request, exc: ValidationError | PermissionDenied) -> None:
    """Put a service's refusal on the next page, in its own words."""
    if isinstance(exc, ValidationError):
        for msg in exc.messages:
            messages.error(request, msg)
    else:
        messages.error(request, str(exc))


def form_errors(request, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for e in errors:
            messages.error(request, f"{label}: {e}" if label else e)
