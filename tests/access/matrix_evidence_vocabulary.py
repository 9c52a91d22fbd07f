"""Who may reach the vocabulary pages: the programme's team reads; only the coordinator changes its terms."""

from ovoz.evidence.services.vocabulary import term_create
from tests.access.expect import only

TEAM = ("coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b")


def prepare(world):
    world.vocab_term = term_create(actor=world.coordinator, vocabulary="violation", programme=world.programme,
                                   label_en="Matrix term")


def _term(c):
    return {"programme_id": c.programme.pk, "pk": c.vocab_term.pk}


ENTRIES = {
    "evidence:vocabulary_list": ("get", lambda c: {"programme_id": c.programme.pk}, only(200, *TEAM)),
    "evidence:vocabulary_term_create": (
        "get", lambda c: {"programme_id": c.programme.pk, "vocabulary": "violation"}, only(200, "coordinator"),
    ),
    "evidence:vocabulary_term_edit": ("get", _term, only(200, "coordinator")),
    "evidence:vocabulary_term_retire": ("post", _term, only(302, "coordinator")),
    "evidence:vocabulary_term_restore": ("post", _term, only(302, "coordinator")),
    "evidence:vocabulary_term_move": ("post", _term, only(302, "coordinator")),
    "evidence:vocabulary_term_delete": ("get", _term, only(200, "coordinator")),
}
