"""The session services: what an excerpt may be, anonymisation warnings, and a closed session staying as it was."""

import pytest
from django.core.exceptions import ValidationError

from ovoz.analysis.services.sessions import (
    IdentityCheck,
    excerpt_add,
    excerpt_update,
    excerpts_reorder,
    session_close,
    session_create,
    session_invite,
)
from ovoz.audit.models import AuditEntry


@pytest.fixture
def session(analysis):
    analysis.session = session_create(actor=analysis.researcher_a, partnership=analysis.a, title="S")
    return analysis


def test_an_excerpt_must_lie_inside_the_transcript(session):
    c = session
    with pytest.raises(ValidationError):
        excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=5, end=10_000)
    with pytest.raises(ValidationError):
        excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=5, end=5)
    assert not c.session.excerpts.exists()


def test_the_excerpt_text_is_counted_in_code_points_and_audited_sealed(session):
    c = session
    excerpt = excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=50, end=51)
    assert excerpt.text == "😔"
    entry = AuditEntry.objects.get(action="session.excerpt_add")
    assert "😔" not in str(entry.changes)


def test_the_identity_check_finds_codes_and_name_words_in_any_case(session):
    c = session
    check = IdentityCheck(c.a)
    assert check.codes_in(f"… {c.a1.code.lower()} said") == [c.a1.code]
    assert check.has_name("GULMIRA told us") and not check.has_name("Nobody named")
    assert check.warnings("Clean text.") == []


def test_a_closed_session_keeps_its_excerpts_as_they_were(session):
    c = session
    excerpt = excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=0, end=3)
    session_close(actor=c.researcher_a, session=c.session)
    with pytest.raises(ValidationError):
        excerpt_update(actor=c.researcher_a, excerpt=excerpt, text="changed")
    with pytest.raises(ValidationError):
        excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=0, end=3)


def test_reordering_needs_every_excerpt_once(session):
    c = session
    first = excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=0, end=3)
    second = excerpt_add(actor=c.researcher_a, session=c.session, source=c.s_multi, start=4, end=8)
    with pytest.raises(ValidationError):
        excerpts_reorder(actor=c.researcher_a, session=c.session, ids=[first.pk, first.pk])
    excerpts_reorder(actor=c.researcher_a, session=c.session, ids=[second.pk, first.pk])
    assert list(c.session.excerpts.order_by("order").values_list("pk", flat=True)) == [second.pk, first.pk]


def test_only_the_partnerships_co_researchers_can_be_invited(session):
    c = session
    with pytest.raises(ValidationError):
        session_invite(actor=c.researcher_a, session=c.session, co_researchers=[c.researcher_a])
    session_invite(actor=c.researcher_a, session=c.session, co_researchers=[c.coresearcher_a])
    assert list(c.session.co_researchers.all()) == [c.coresearcher_a]
