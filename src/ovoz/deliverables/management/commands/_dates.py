import datetime

from django.core.management.base import CommandError


def parse_day(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date like 2024-01-20, not {value!r}.") from None
