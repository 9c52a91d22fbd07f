import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from ovoz.audit.models import AuditEntry, AuditImmutable
from ovoz.programmes.services import membership_grant
from tests.conftest import make_user


def test_granting_a_role_writes_an_audit_row_with_old_and_new_values(cast):
    newcomer = make_user("newcomer")
    membership_grant(actor=cast.coordinator, user=newcomer, programme=cast.programme, role="mentor", partnership=cast.b)
    entry = AuditEntry.objects.get(action="membership.grant")
    assert entry.actor == cast.coordinator
    assert entry.partnership == cast.b and entry.programme == cast.programme
    assert entry.changes["role"] == {"old": None, "new": "mentor"}


def test_a_failed_change_leaves_no_audit_row_behind(cast):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        membership_grant(actor=cast.coordinator, user=cast.outsider, programme=cast.programme, role="mentor")
    assert AuditEntry.objects.count() == before


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(cast):
    membership_grant(actor=cast.coordinator, user=cast.outsider, programme=cast.programme, role="viewer")
    entry = AuditEntry.objects.first()
    entry.action = "tampered"
    with pytest.raises(AuditImmutable):
        entry.save()
    with pytest.raises(AuditImmutable):
        entry.delete()
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.all().update(action="tampered")
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.all().delete()


def test_the_database_itself_refuses_to_update_an_audit_row(cast):
    membership_grant(actor=cast.coordinator, user=cast.outsider, programme=cast.programme, role="viewer")
    with pytest.raises(Exception) as excinfo, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = 'tampered'")
    assert "append-only" in str(excinfo.value) or isinstance(excinfo.value, IntegrityError)
    assert not AuditEntry.objects.filter(action="tampered").exists()


def test_a_changed_name_is_logged_without_the_name_itself(cast):
    from ovoz.accounts.services import user_update

    user_update(actor=cast.coordinator, user=cast.researcher_a, full_name="Secret New Name")
    entry = AuditEntry.objects.get(action="user.update")
    assert entry.changes["full_name"]["new"].startswith("[encrypted ")
    assert entry.changes["full_name"]["new"] != entry.changes["full_name"]["old"]
    assert "Secret New Name" not in str(entry.changes) and "Secret New Name" not in entry.object_repr


def test_the_coordinator_browses_and_filters_her_programmes_audit_log(cast, as_user):
    membership_grant(actor=cast.coordinator, user=cast.outsider, programme=cast.programme, role="viewer")
    membership_grant(actor=cast.coordinator, user=cast.outsider, programme=cast.other_programme, role="viewer")
    client = as_user(cast.coordinator)
    body = client.get("/audit/").content.decode()
    assert "membership.grant" in body
    assert "Another programme" not in body
    filtered = client.get("/audit/", {"action": "programme."}).content.decode()
    assert "membership.grant" not in filtered
    bad = client.get("/audit/", {"since": "2024-05-01", "until": "2024-01-01"})
    assert bad.status_code == 200 and "start date is after the end date" in bad.content.decode()


def test_the_audit_log_answers_htmx_with_just_the_rows(cast, as_user):
    client = as_user(cast.coordinator)
    response = client.get("/audit/", {"kind": "change"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode()


def test_team_members_cannot_read_the_audit_log(cast, as_user):
    for person in (cast.mentor_a, cast.researcher_a, cast.researcher_b, cast.viewer, cast.outsider):
        assert as_user(person).get("/audit/").status_code == 404


def test_a_read_of_a_sensitive_record_is_logged_with_its_reason_and_partnership(cast):
    from ovoz.audit.services import audit_read

    audit_read(actor=cast.researcher_a, obj=cast.a, partnership=cast.a, reason="identity shown", ip_address="10.0.0.1")
    entry = AuditEntry.objects.get(kind=AuditEntry.Kind.READ)
    assert entry.actor == cast.researcher_a and entry.programme == cast.programme
    assert entry.changes == {"reason": "identity shown"}
    assert entry.action_label == "read a sensitive record"
