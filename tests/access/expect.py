"""Helpers to state who may reach a page, shared by every app's access matrix file."""

ROLES = ["coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]
ALL_200 = dict.fromkeys(ROLES, 200)


def only(ok: int, *roles: str, other: int = 404) -> dict[str, int]:
    """``ok`` for the named roles, ``other`` (404 by default) for everyone else."""
    return {r: (ok if r in roles else other) for r in ROLES}


def every(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)
