"""REFI-QDA and Taguette interop: a partnership's project is exported and imported by its mentors and researchers;
what partnerships share, and the programme codebook import, by coordinators; the codebook by everyone working on
the programme's analysis. Co-researchers, viewers and outsiders get 404 everywhere but the index page."""

from tests.access.expect import ALL_200, only

TEAM_A = ("mentor_a", "researcher_a")
ANALYSTS = ("coordinator", "mentor_a", "researcher_a", "researcher_b")


def prepare(world):
    pass


def _a(c):
    return {"pk": c.a.pk}


def _programme(c):
    return {"pk": c.programme.pk}


ENTRIES = {
    "analysis:interop_index": ("get", lambda c: {}, ALL_200),
    "analysis:interop_export_partnership": ("get", _a, only(200, *TEAM_A)),
    "analysis:interop_export_programme": ("get", _programme, only(200, "coordinator")),
    "analysis:interop_export_codebook": ("get", _programme, only(200, *ANALYSTS)),
    "analysis:interop_import_partnership": ("get", _a, only(200, *TEAM_A)),
    # Without a checked file waiting, the confirmation sends the team back to the upload page.
    "analysis:interop_confirm_partnership": ("post", _a, only(302, *TEAM_A)),
    "analysis:interop_import_programme": ("get", _programme, only(200, "coordinator")),
    "analysis:interop_confirm_programme": ("post", _programme, only(302, "coordinator")),
}
