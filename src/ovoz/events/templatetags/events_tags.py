from django import template

from ovoz.events.models import ExpectedOutput, Invitation

register = template.Library()

OUTCOME_CLASSES = {
    ExpectedOutput.Outcome.MET: "ok",
    ExpectedOutput.Outcome.PARTLY_MET: "warn",
    ExpectedOutput.Outcome.NOT_MET: "bad",
}


@register.filter
def invitation_status(value: str) -> str:
    """The words for an invitation's status code (for rows annotated with a bare code)."""
    return str(dict(Invitation.Status.choices).get(value, value or ""))


@register.filter
def outcome_class(value: str) -> str:
    return OUTCOME_CLASSES.get(value, "")


@register.filter
def signed(value) -> str:
    """A change shown with its sign: +1.33, −0.50, 0.00."""
    if value is None:
        return "—"
    if value > 0:
        return f"+{value:.2f}"
    if value < 0:
        return f"−{abs(value):.2f}"
    return f"{value:.2f}"


@register.filter
def day_number(day, first_day) -> int:
    """Day 1 is the event's first day, whichever days have sessions."""
    return (day - first_day).days + 1
