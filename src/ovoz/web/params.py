"""Reading query-string and form values that may be missing or malformed."""


def int_or_none(value) -> int | None:
    """``value`` as an integer, or None when it is empty or not a number (a hand-edited URL, an old link)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
