"""/api/v1/participants: the same visibility as the pages, consent state and filters, and never an identity."""

import datetime

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import Resolver404, path, resolve

from ovoz.evidence.models import Term
from ovoz.evidence.services.consent import consent_withdraw
from tests.api.conftest import ids
from tests.evidence.conftest import evidence as evidence_fixture  # noqa: F401


def _mounted() -> bool:
    try:
        return resolve("/api/v1/participants").url_name == "participant_list"
    except Resolver404:
        return False


if not _mounted():
    # Until the router is mounted in ovoz.api.api, serve it from an API made like the real one.
    from ninja import NinjaAPI

    from ovoz.api.api import service_refused
    from ovoz.api.auth import TokenAuth
    from ovoz.api.evidence_participants import router

    _api = NinjaAPI(auth=TokenAuth(), urls_namespace="participants_api_test", docs_url=None)
    _api.add_exception_handler(Http404, lambda request, exc: _api.create_response(
        request, {"detail": "Not found."}, status=404))
    _api.add_exception_handler(DjangoValidationError, service_refused)
    _api.add_router("/participants", router)
    urlpatterns = [path("api/v1/", _api.urls)]
    pytestmark = pytest.mark.urls(__name__)

IDENTITY_KEYS = {"name", "contacts"}


@pytest.fixture
def evidence(evidence_fixture):  # noqa: F811 (pytest passes the imported fixture in)
    """The evidence suite's participants: a1 (shares everything) and a2 of A, b1 of B."""
    return evidence_fixture


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    "person, expected",
    [
        ("researcher_a", ["KG-PA-001", "KG-PA-002"]),
        ("mentor_a", ["KG-PA-001", "KG-PA-002"]),
        ("researcher_b", ["TJ-PB-001"]),
        ("coordinator", ["KG-PA-001", "TJ-PB-001"]),
        ("coresearcher_a", []),
        ("viewer", []),
        ("outsider", []),
    ],
)
def test_each_person_lists_only_the_participants_she_may_see(evidence, api_as, person, expected):
    assert codes(api_as(getattr(evidence, person)).get("/participants")) == expected


def test_no_identity_ever_leaves_through_the_api_even_for_her_researcher(evidence, api_as):
    client = api_as(evidence.researcher_a)
    for response in (client.get("/participants"), client.get(f"/participants/{evidence.a1.pk}")):
        assert "Gulmira" not in response.content.decode()
        items = response.json().get("items", [response.json()])
        assert all(not IDENTITY_KEYS & set(item) for item in items)


def test_a_participant_comes_with_her_consent_and_its_latest_record(evidence, api_as):
    body = api_as(evidence.researcher_a).get(f"/participants/{evidence.a2.pk}").json()
    assert body["code"] == "KG-PA-002" and body["partnership_id"] == evidence.a.pk
    assert body["consent"] == ["analysis", "statistics"] and body["withdrawn_at"] is None
    assert body["latest_consent"] == {"kind": "given", "date": "2023-03-01", "method": "oral", "language": "ru",
                                      "scopes": ["analysis", "statistics"]}


@pytest.mark.parametrize("person", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_another_partnerships_participant_answers_404(evidence, api_as, person):
    response = api_as(getattr(evidence, person)).get(f"/participants/{evidence.a1.pk}")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_coordinators_get_only_participants_who_share_with_coordinators(evidence, api_as):
    client = api_as(evidence.coordinator)
    assert client.get(f"/participants/{evidence.a1.pk}").status_code == 200
    assert client.get(f"/participants/{evidence.a2.pk}").status_code == 404


def test_after_withdrawing_entirely_she_leaves_the_coordinators_list_and_is_marked_for_her_team(evidence, api_as):
    consent_withdraw(actor=evidence.researcher_a, participant=evidence.a1, date=datetime.date(2024, 6, 1))
    assert "KG-PA-001" not in codes(api_as(evidence.coordinator).get("/participants"))
    body = api_as(evidence.researcher_a).get(f"/participants/{evidence.a1.pk}").json()
    assert body["consent"] == [] and body["withdrawn_at"] == "2024-06-01"
    assert body["latest_consent"]["kind"] == "withdrawn"


def test_the_list_filters_by_partnership_code_scope_withdrawal_and_attributes(evidence, api_as):
    term, _ = Term.objects.get_or_create(vocabulary="migrant_status", code="t-returned",
                                         defaults={"label_en": "Returned migrant"})
    evidence.a2.migrant_status, evidence.a2.age_band = term, "40-49"
    evidence.a2.save()
    client = api_as(evidence.coordinator)
    assert codes(client.get("/participants", {"partnership_id": evidence.b.pk})) == ["TJ-PB-001"]
    client = api_as(evidence.researcher_a)
    assert codes(client.get("/participants", {"code": "002"})) == ["KG-PA-002"]
    assert codes(client.get("/participants", {"scope": "quotes"})) == ["KG-PA-001"]
    assert codes(client.get("/participants", {"migrant_status": "t-returned"})) == ["KG-PA-002"]
    assert codes(client.get("/participants", {"age_band": "40-49"})) == ["KG-PA-002"]
    assert codes(client.get("/participants", {"withdrawn": "true"})) == []
    assert codes(client.get("/participants", {"withdrawn": "false"})) == ["KG-PA-001", "KG-PA-002"]
    body = client.get("/participants", {"migrant_status": "t-returned"}).json()["items"][0]
    assert body["migrant_status"] == {"code": "t-returned", "label": "Returned migrant"}


def test_an_unknown_scope_or_age_band_is_a_400_with_a_readable_detail(evidence, api_as):
    client = api_as(evidence.researcher_a)
    response = client.get("/participants", {"scope": "selling"})
    assert response.status_code == 400 and "Unknown consent scope" in response.json()["detail"]
    response = client.get("/participants", {"age_band": "old"})
    assert response.status_code == 400 and "Unknown age band" in response.json()["detail"]


def test_the_list_is_paged(evidence, api_as):
    response = api_as(evidence.researcher_a).get("/participants", {"limit": 1, "offset": 1})
    assert response.json()["count"] == 2 and ids(response) == [evidence.a2.pk]


def test_without_a_token_the_api_answers_401(evidence, api_anonymous):
    assert api_anonymous.get("/participants").status_code == 401
    assert api_anonymous.get(f"/participants/{evidence.a1.pk}").status_code == 401
