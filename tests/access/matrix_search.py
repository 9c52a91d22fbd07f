"""Who may reach the search page: a partnership's mentor and researchers, and the programme's coordinators."""

from tests.access.expect import only


def prepare(world):
    pass


ENTRIES = {
    "search:search": ("get", lambda c: {}, only(200, "coordinator", "mentor_a", "researcher_a", "researcher_b")),
}
