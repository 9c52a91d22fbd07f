import datetime

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.evidence.access import participants_visible_to, sources_visible_to
from ovoz.evidence.models import ConsentRecord
from ovoz.evidence.services.consent import consent_record, consent_withdraw
from ovoz.evidence.services.participants import participant_create

TODAY = datetime.date(2024, 6, 1)


def test_participants_get_codes_that_say_nothing_about_them(evidence):
    assert evidence.a1.code == "KG-PA-001" and evidence.a2.code == "KG-PA-002"
    assert "Gulmira" not in evidence.a1.code
    assert evidence.b1.code == "TJ-PB-001"


def test_the_team_sees_its_participants_and_nobody_elses(evidence):
    for person in (evidence.mentor_a, evidence.researcher_a):
        assert set(participants_visible_to(person)) == {evidence.a1, evidence.a2}
    assert set(participants_visible_to(evidence.researcher_b)) == {evidence.b1}
    for person in (evidence.coresearcher_a, evidence.viewer, evidence.outsider):
        assert not participants_visible_to(person).exists()


def test_coordinators_see_only_what_participants_let_the_partnership_share(evidence):
    assert set(participants_visible_to(evidence.coordinator)) == {evidence.a1, evidence.b1}
    # Both of A's sources are marked shared, but a2 does not allow sharing with coordinators.
    assert set(sources_visible_to(evidence.coordinator)) == {evidence.s1}


def test_a_query_for_quotes_leaves_out_those_who_did_not_allow_quotes(evidence):
    assert set(sources_visible_to(evidence.researcher_a, scope="quotes")) == {evidence.s1}
    assert set(sources_visible_to(evidence.researcher_a, scope="analysis")) == {evidence.s1, evidence.s2}


def test_withdrawing_one_scope_removes_her_material_from_that_scope_only(evidence):
    consent_withdraw(actor=evidence.researcher_a, participant=evidence.a1, date=TODAY, scopes=["analysis"])
    evidence.a1.refresh_from_db()
    assert not evidence.a1.consent_analysis and evidence.a1.consent_quotes
    assert set(sources_visible_to(evidence.researcher_a, scope="analysis")) == {evidence.s2}
    assert evidence.s1 in sources_visible_to(evidence.researcher_a, scope="quotes")
    entry = AuditEntry.objects.get(action="consent.withdraw")
    assert "analysis" in entry.changes["scopes"]["old"] and "analysis" not in entry.changes["scopes"]["new"]


def test_withdrawing_entirely_removes_her_from_every_scope_but_keeps_the_history(evidence):
    consent_withdraw(actor=evidence.researcher_a, participant=evidence.a1, date=TODAY)
    evidence.a1.refresh_from_db()
    assert evidence.a1.withdrawn_at == TODAY
    for scope in ("analysis", "quotes", "statistics", "coordinators", "un_authorities", "attribution"):
        assert evidence.s1 not in sources_visible_to(evidence.researcher_a, scope=scope)
    assert evidence.a1 not in participants_visible_to(evidence.coordinator)
    kinds = list(evidence.a1.consents.values_list("kind", flat=True))
    assert kinds == [ConsentRecord.Kind.WITHDRAWN, ConsentRecord.Kind.GIVEN]
    # The team still sees she exists, to follow up what was published before.
    assert evidence.a1 in participants_visible_to(evidence.researcher_a)


def test_a_written_consent_needs_its_form_and_a_future_date_is_refused(cast):
    p = participant_create(actor=cast.researcher_a, partnership=cast.a)
    with pytest.raises(ValidationError, match="signed form"):
        consent_record(actor=cast.researcher_a, participant=p, date=TODAY, method="written", language="ru",
                       scopes=["analysis"])
    with pytest.raises(ValidationError, match="future"):
        consent_record(actor=cast.researcher_a, participant=p, date=datetime.date(2999, 1, 1), method="oral",
                       language="ru", scopes=["analysis"])
    with pytest.raises(ValidationError, match="Unknown consent scope"):
        consent_record(actor=cast.researcher_a, participant=p, date=TODAY, method="oral", language="ru",
                       scopes=["selling"])
    assert not p.consents.exists()


def test_a_participant_without_consent_is_in_no_scope(cast):
    p = participant_create(actor=cast.researcher_a, partnership=cast.a)
    assert p not in participants_visible_to(cast.researcher_a, scope="analysis")
    assert p in participants_visible_to(cast.researcher_a)


def test_her_name_is_stored_encrypted_and_never_in_the_audit_log(evidence):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM evidence_participant WHERE id = %s", [evidence.a1.pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith("enc1:") and "Gulmira" not in raw
    for entry in AuditEntry.objects.filter(action="participant.create"):
        assert "Gulmira" not in str(entry.changes) and "Gulmira" not in entry.object_repr
