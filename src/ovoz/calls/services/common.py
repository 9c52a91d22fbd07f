"""What the services of calls share: field lists, checks and the fresh state of a call."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ovoz.calls.models import (
    Application,
    Call,
)

CALL_FIELDS = ["title", "description", "eligibility", "opens_on", "closes_on", "places_min", "places_max", "state"]
EDITABLE_CALL_FIELDS = CALL_FIELDS[:-1]
APPLICATION_FIELDS = [
    "organisation_name", "country", "women_led", "migrant_led", "contact_email", "researcher_name",
    "researcher_email", "researcher_birth_date", "researcher_from_community", "researcher_english", "mentor_name",
    "mentor_email", "mentor_from_community", "mentor_english", "language", "eligible",
]


def application_repr(application: Application) -> str:
    # Applicants' names are identifying: the log names the record, never the organisation.
    return f"application {application.pk} to call {application.call_id}"


def check_places(places_min: int, places_max: int) -> None:
    if places_min < 1:
        raise ValidationError(_("A call offers at least one place."))
    if places_max < places_min:
        raise ValidationError(_("The most places cannot be fewer than the fewest places."))


def check_dates(opens_on: datetime.date, closes_on: datetime.date) -> None:
    if closes_on < opens_on:
        raise ValidationError(_("A call cannot close before it opens."))


def fresh(call: Call) -> Call:
    """Read the call's state again, locking its row: the instance a view holds may be stale."""
    call.state = Call.objects.select_for_update().values_list("state", flat=True).get(pk=call.pk)
    return call


def refuse_if_announced(call: Call) -> None:
    if fresh(call).state == Call.State.ANNOUNCED:
        raise ValidationError(_("The selection of this call is announced; it can no longer be changed."))


def clean_names(names) -> list[str]:
    out, seen = [], set()
    for name in names:
        name = " ".join(str(name).split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name[:300])
    return out
