"""/audit: coordinators read their programmes' rows, site administrators everything, others 404."""

import pytest

from ovoz.accounts.roles import Role
from ovoz.audit.models import AuditEntry
from ovoz.audit.services import audit_read
from ovoz.programmes.services import membership_grant, programme_update
from tests.api.conftest import ids
from tests.conftest import make_user


@pytest.fixture
def history(cast):
    """Rows about this programme (changes and a read), about the other programme, and about nobody's."""
    for n in range(5):
        programme_update(actor=cast.coordinator, programme=cast.programme, short_title=f"FPAR {n}")
    membership_grant(actor=cast.coordinator, user=cast.outsider, programme=cast.programme, role=Role.VIEWER)
    audit_read(actor=cast.researcher_a, obj=cast.a, partnership=cast.a, reason="checking")
    programme_update(actor=None, programme=cast.other_programme, short_title="Other")
    AuditEntry.objects.create(actor=cast.coordinator, actor_label="coordinator", action="auth.login", kind="auth")
    return cast


def test_a_coordinator_reads_every_row_about_her_programme_newest_first(history, api_as):
    response = api_as(history.coordinator).get("/audit")
    assert response.status_code == 200
    expected = list(
        AuditEntry.objects.filter(programme=history.programme).order_by("-at", "-pk").values_list("pk", flat=True)
    )
    assert len(expected) == 7
    assert ids(response) == expected
    assert response.json()["count"] == 7


def test_a_coordinator_never_reads_rows_about_other_programmes_or_sign_ins(history, api_as):
    items = api_as(history.coordinator).get("/audit").json()["items"]
    assert {i["programme_id"] for i in items} == {history.programme.pk}
    assert "auth.login" not in {i["action"] for i in items}


@pytest.mark.parametrize("name", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"])
def test_everyone_but_coordinators_gets_404_for_the_audit_log(history, api_as, name):
    response = api_as(getattr(history, name)).get("/audit")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_site_administrator_reads_the_whole_log(history, api_as):
    admin = make_user("admin", is_superuser=True)
    response = api_as(admin).get("/audit", {"limit": 200})
    # Every row, including the one made when the administrator's own token was created.
    assert response.json()["count"] == AuditEntry.objects.count()
    assert {"auth.login", "api_token.create", "programme.update"} <= {i["action"] for i in response.json()["items"]}


def test_the_audit_log_filters_by_action_prefix(history, api_as):
    client = api_as(history.coordinator)
    assert [i["action"] for i in client.get("/audit", {"action": "membership."}).json()["items"]] == [
        "membership.grant"
    ]
    assert client.get("/audit", {"action": "programme.update"}).json()["count"] == 5
    assert client.get("/audit", {"action": "nothing.like.this"}).json() == {"items": [], "count": 0}


def test_the_audit_log_filters_by_kind(history, api_as):
    client = api_as(history.coordinator)
    reads = client.get("/audit", {"kind": "read"}).json()
    assert reads["count"] == 1 and reads["items"][0]["actor_label"] == "researcher_a"
    assert client.get("/audit", {"kind": "change"}).json()["count"] == 6
    admin = make_user("admin", is_superuser=True)
    auth_rows = api_as(admin).get("/audit", {"kind": "auth"}).json()["items"]
    assert {i["kind"] for i in auth_rows} == {"auth"}


def test_an_unknown_kind_is_a_400(history, api_as):
    response = api_as(history.coordinator).get("/audit", {"kind": "gossip"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("kind:")


def test_the_audit_log_filters_by_programme_without_widening_access(history, api_as):
    client = api_as(history.coordinator)
    assert client.get("/audit", {"programme_id": history.programme.pk}).json()["count"] == 7
    assert client.get("/audit", {"programme_id": history.other_programme.pk}).json()["count"] == 0


def test_the_audit_log_pages_with_limit_and_offset_without_gaps_or_repeats(history, api_as):
    client = api_as(history.coordinator)
    everything = ids(client.get("/audit"))
    pages = [client.get("/audit", {"limit": 3, "offset": offset}).json() for offset in (0, 3, 6)]
    assert [len(p["items"]) for p in pages] == [3, 3, 1]
    assert all(p["count"] == 7 for p in pages)
    assert [item["id"] for p in pages for item in p["items"]] == everything


def test_an_audit_row_carries_what_changed(history, api_as):
    items = api_as(history.coordinator).get("/audit", {"action": "membership.grant"}).json()["items"]
    row = items[0]
    assert row["actor_label"] == "coordinator"
    assert row["object_type"] == "programmes.membership"
    assert row["changes"]["user"] == {"old": None, "new": "outsider"}
    assert "ip_address" not in row
