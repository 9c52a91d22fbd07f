"""The demo's analysis: every partnership has coded interviews and memos; loading twice adds nothing; material
without consent to analysis is never coded."""

import pytest

from ovoz.accounts.models import User
from ovoz.analysis.demo import demo_load as analysis_demo
from ovoz.analysis.models import Code, Coding, DoubleCoding, Memo
from tests.evidence.test_demo_evidence import load


@pytest.fixture
def demo(db):
    programme, partnerships = load()
    coordinator = User.objects.get(username="coordinator")
    analysis_demo(programme=programme, partnerships=partnerships, coordinator=coordinator)
    return programme, partnerships, coordinator


def test_each_partnership_has_coded_interviews_memos_and_a_code_of_its_own(demo):
    programme, partnerships, _ = demo
    for partnership in partnerships.values():
        assert Coding.objects.filter(source__partnership=partnership, double_coding__isnull=True).count() >= 5
        assert Memo.objects.filter(partnership=partnership).count() >= 3
        assert Code.objects.filter(partnership=partnership).exists()


def test_every_coding_covers_words_of_its_transcript(demo):
    for coding in Coding.objects.select_related("source")[:200]:
        text = coding.text()
        assert text.strip() and len(text) == coding.end - coding.start


def test_no_source_without_consent_to_analysis_is_coded(demo):
    assert not Coding.objects.filter(source__participants__consent_analysis=False).exists()


def test_loading_the_demo_twice_adds_nothing(demo):
    programme, partnerships, coordinator = demo
    before = (Code.objects.count(), Coding.objects.count(), Memo.objects.count(), DoubleCoding.objects.count())
    analysis_demo(programme=programme, partnerships=partnerships, coordinator=coordinator)
    assert (Code.objects.count(), Coding.objects.count(), Memo.objects.count(),
            DoubleCoding.objects.count()) == before
