"""Researcher drafts, mentor reviews, coordinator approves and publishes; published versions are frozen; a later
withdrawal of consent flags them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ovoz.evidence.services.consent import consent_withdraw
from ovoz.publishing.models import Publication
from ovoz.publishing.services.publications import block_add, section_update
from ovoz.publishing.services.workflow import (
    publication_approve,
    publication_publish,
    publication_reopen,
    publication_review,
    publication_submit,
)


def to_approved(c):
    publication_submit(actor=c.researcher_a, publication=c.pub)
    publication_review(actor=c.mentor_a, publication=c.pub, approve=True)
    publication_approve(actor=c.coordinator, publication=c.pub)


def test_the_publication_goes_from_draft_to_published_by_role(briefer):
    c = briefer
    with pytest.raises(ValidationError):
        publication_submit(actor=c.researcher_b, publication=c.pub)
    publication_submit(actor=c.researcher_a, publication=c.pub)
    with pytest.raises(ValidationError):
        publication_review(actor=c.mentor_a, publication=c.pub, approve=False)  # says nothing
    publication_review(actor=c.mentor_a, publication=c.pub, approve=False, note="Add the demands.")
    assert c.pub.status == Publication.Status.DRAFT
    publication_submit(actor=c.researcher_a, publication=c.pub)
    publication_review(actor=c.mentor_a, publication=c.pub, approve=True)
    with pytest.raises(ValidationError):
        publication_approve(actor=c.mentor_a, publication=c.pub)
    publication_approve(actor=c.coordinator, publication=c.pub)
    with pytest.raises(ValidationError):
        publication_publish(actor=c.researcher_a, publication=c.pub)
    version = publication_publish(actor=c.coordinator, publication=c.pub)
    assert version.number == 1 and c.pub.status == Publication.Status.PUBLISHED


def test_the_gate_blocks_approval_of_a_non_consented_quote(briefer):
    c = briefer
    block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_refused, attribution_fields=[])
    publication_submit(actor=c.researcher_a, publication=c.pub)
    publication_review(actor=c.mentor_a, publication=c.pub, approve=True)
    with pytest.raises(ValidationError, match="disclosure gate"):
        publication_approve(actor=c.coordinator, publication=c.pub)


def test_a_published_version_is_frozen_while_the_next_draft_changes(briefer):
    c = briefer
    section_update(actor=c.researcher_a, section=c.context, body="Ak-Zhar is a new settlement.")
    to_approved(c)
    version = publication_publish(actor=c.coordinator, publication=c.pub)
    with pytest.raises(ValidationError):
        section_update(actor=c.researcher_a, section=c.context, body="Changed after publication.")
    publication_reopen(actor=c.researcher_a, publication=c.pub)
    section_update(actor=c.researcher_a, section=c.context, body="Changed after publication.")
    version.refresh_from_db()
    assert version.documents["en"]["sections"][0]["body"] == "Ak-Zhar is a new settlement."
    assert set(version.documents) == {"en", "ru"}


def test_withdrawing_consent_flags_each_published_version_that_used_her_words(briefer):
    c = briefer
    block = block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok, attribution_fields=[])
    to_approved(c)
    version = publication_publish(actor=c.coordinator, publication=c.pub)
    assert c.a1.pk in version.participant_ids
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 2, 1), scopes=["quotes"])
    version.refresh_from_db()
    assert version.flagged_at is not None
    (flag,) = version.flags
    assert flag["participant"] == c.a1.code and flag["scopes"] == ["quotes"]
    assert {b["block"] for b in flag["blocks"]} == {block.pk}


def test_withdrawing_an_unrelated_scope_flags_nothing(briefer):
    c = briefer
    block_add(actor=c.researcher_a, section=c.voices, kind="quote", coding=c.quote_ok, attribution_fields=[])
    to_approved(c)
    version = publication_publish(actor=c.coordinator, publication=c.pub)
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 2, 1), scopes=["coordinators"])
    version.refresh_from_db()
    assert version.flagged_at is None


def test_the_regional_synthesis_gathers_every_partnerships_agreed_findings_once(briefer):
    from ovoz.publishing.models import Block
    from ovoz.publishing.services.findings import finding_create
    from ovoz.publishing.services.publications import publication_create, synthesis_gather_findings

    c = briefer
    finding_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, statement="A", status="agreed")
    finding_create(actor=c.researcher_b, programme=c.programme, partnership=c.b, statement="B", status="agreed")
    finding_create(actor=c.researcher_b, programme=c.programme, partnership=c.b, statement="draft", status="draft")
    synthesis = publication_create(actor=c.coordinator, programme=c.programme, title="Regional", kind="synthesis")
    assert synthesis_gather_findings(actor=c.coordinator, publication=synthesis) == 2
    assert synthesis_gather_findings(actor=c.coordinator, publication=synthesis) == 0
    texts = {b.finding.statement for b in Block.objects.filter(section__publication=synthesis)}
    assert texts == {"A", "B"}
    with pytest.raises(ValidationError):
        synthesis_gather_findings(actor=c.researcher_a, publication=c.pub)


def test_a_findings_strength_is_counted_now_and_falls_when_consent_is_withdrawn(briefer):
    from ovoz.publishing.services.findings import finding_create, finding_link_add
    from ovoz.publishing.strength import finding_strength

    c = briefer
    finding = finding_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, statement="Unpaid.")
    assert finding_strength(finding)["state"] == "unsupported"
    finding_link_add(actor=c.researcher_a, finding=finding, coding=c.quote_ok)
    finding_link_add(actor=c.researcher_a, finding=finding, coding=c.quote_refused)
    strength = finding_strength(finding)
    assert (strength["state"], strength["sources"], strength["participants"], strength["partnerships"]) == (
        "holds", 2, 2, 1)
    consent_withdraw(actor=c.researcher_a, participant=c.a2, date=datetime.date(2024, 2, 1), scopes=["analysis"])
    assert finding_strength(finding)["state"] == "weakened"
    consent_withdraw(actor=c.researcher_a, participant=c.a1, date=datetime.date(2024, 2, 1))
    assert finding_strength(finding)["state"] == "no_longer_holds"


def test_building_a_synthesis_counts_every_findings_strength_in_a_fixed_number_of_queries(
        briefer, django_assert_max_num_queries):
    from ovoz.publishing.document import build_document
    from ovoz.publishing.services.findings import finding_create, finding_link_add
    from ovoz.publishing.services.publications import publication_create, synthesis_gather_findings

    c = briefer
    synthesis = publication_create(actor=c.coordinator, programme=c.programme, title="Regional", kind="synthesis")
    for i in range(12):
        f = finding_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, statement=f"F{i}",
                           status="agreed")
        finding_link_add(actor=c.researcher_a, finding=f, coding=c.quote_ok)
    synthesis_gather_findings(actor=c.coordinator, publication=synthesis)
    with django_assert_max_num_queries(10):
        document = build_document(synthesis)
    blocks = [b for s in document["sections"] for b in s["blocks"]]
    assert len(blocks) == 12 and all(b["strength"]["state"] == "holds" for b in blocks)
