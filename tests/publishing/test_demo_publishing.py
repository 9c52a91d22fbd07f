"""The demo's five briefers of seed 002: real titles and partners, labelled as demonstration, with quotes that
pass the disclosure gate; two are published on the public page."""

import pytest

from ovoz.accounts.models import User
from ovoz.analysis.demo import demo_load as analysis_demo
from ovoz.demo import data
from ovoz.publishing.demo import demo_load as publishing_demo
from ovoz.publishing.disclosure.gate import blocking, disclosure_check
from ovoz.publishing.models import Block, Publication
from tests.evidence.test_demo_evidence import load


@pytest.fixture
def demo(db):
    programme, partnerships = load()
    coordinator = User.objects.get(username="coordinator")
    analysis_demo(programme=programme, partnerships=partnerships, coordinator=coordinator)
    publishing_demo(programme=programme, partnerships=partnerships, coordinator=coordinator)
    return programme, partnerships, coordinator


def test_there_is_a_briefer_per_partner_with_the_seed_title_marked_as_demonstration(demo):
    briefers = Publication.objects.filter(kind="briefer")
    assert sorted(b.title for b in briefers) == sorted(p[3] for p in data.PARTNERS)
    assert all(b.is_demonstration and b.second_language for b in briefers)


def test_every_briefer_has_quotes_and_passes_the_gate(demo):
    for briefer in Publication.objects.filter(kind="briefer"):
        assert Block.objects.filter(section__publication=briefer, kind="quote").exists(), briefer.title
        assert blocking(disclosure_check(briefer)) == [], briefer.title


def test_two_briefers_are_published_and_loading_again_adds_nothing(demo):
    programme, partnerships, coordinator = demo
    assert Publication.objects.filter(status="published").count() == 2
    before = Publication.objects.count()
    publishing_demo(programme=programme, partnerships=partnerships, coordinator=coordinator)
    assert Publication.objects.count() == before
