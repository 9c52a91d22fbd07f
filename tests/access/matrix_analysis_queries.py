"""The query pages open for everyone signed in: each person's results hold only what she may analyse (the
tests in tests/analysis/test_queries_*.py check what each one sees). An export with no code chosen goes back to
the segments page."""

from tests.access.expect import ALL_200, every


def prepare(world):
    pass


ENTRIES = {
    "analysis:query_segments": ("get", lambda c: {}, ALL_200),
    "analysis:query_export": ("post", lambda c: {}, every(302)),
    "analysis:query_frequencies": ("get", lambda c: {}, ALL_200),
    "analysis:query_cooccurrence": ("get", lambda c: {}, ALL_200),
    "analysis:query_matrix": ("get", lambda c: {}, ALL_200),
}
