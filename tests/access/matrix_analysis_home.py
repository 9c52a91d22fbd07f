"""The analysis home lists only what each person may analyse; it opens for everyone signed in."""

from tests.access.expect import ALL_200


def prepare(world):
    pass


ENTRIES = {
    "analysis:index": ("get", lambda c: {}, ALL_200),
}
