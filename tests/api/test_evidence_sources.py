"""/evidence/sources and /evidence/incidents answer what the access rules and the consents allow, and never the
employer's name. Until the router is mounted in ovoz.api.api, these tests mount it on an API of their own."""

import datetime
import json

import pytest
from django.urls import path
from ninja import NinjaAPI

from ovoz.api import api as main
from ovoz.api.auth import TokenAuth
from ovoz.api.evidence_sources import router
from ovoz.evidence.services.consent import consent_withdraw
from ovoz.evidence.services.incidents import incident_create
from tests.api.conftest import ids
from tests.evidence.conftest import evidence  # noqa: F401  (the shared evidence fixture)
from tests.evidence.test_incident_vocabulary import make_terms

MOUNTS = [prefix for prefix, r in main.api._routers if r is router]
if MOUNTS:
    BASE = "/" + MOUNTS[0].strip("/") if MOUNTS[0].strip("/") else ""
    urlpatterns = []
else:
    BASE = "/evidence"
    _api = NinjaAPI(title="Evidence sources (test mount)", urls_namespace="evidence_sources_test", auth=TokenAuth(),
                    docs_url=None)
    _api.add_router(BASE, router)
    for _exc, _handler in ((main.Http404, main.not_found), (main.AuthenticationError, main.unauthorized),
                           (main.NinjaValidationError, main.bad_request)):
        _api.add_exception_handler(_exc, _handler)
    urlpatterns = [path("api/v1/", _api.urls)]

EMPLOYER = "Askarbek Toktogulov"


@pytest.fixture(autouse=True)
def mounted(settings):
    if not MOUNTS:
        settings.ROOT_URLCONF = __name__


@pytest.fixture
def world(evidence):  # noqa: F811
    t = evidence.terms = make_terms()
    evidence.shared = incident_create(
        actor=None, partnership=evidence.a, title="Wages withheld", narrative="She was not paid for three months.",
        date=datetime.date(2023, 3, 1), date_precision="month", country="KG", status="likely",
        shared_with_programme=True,
        rights=[t.right_work], acts=[{"act_type": t.unpaid, "victims": [evidence.a1], "perpetrator_type": t.employer}],
        interventions=[{"intervention_type": t.inspection, "status": "ongoing", "response": "Asked for payslips."}],
        links=[{"source": evidence.s1, "connection": "victim", "reliability": "high"},
               {"source": evidence.s2, "connection": "witness"}],
        labour={"employer_name": EMPLOYER, "wages_owed": "45000", "currency": "KGS", "contract": "oral"},
    )
    evidence.kept = incident_create(actor=None, partnership=evidence.a, title="Kept in the team", status="possible",
                                    acts=[{"act_type": t.gbv, "victims": [evidence.a2]}])
    evidence.other = incident_create(actor=None, partnership=evidence.b, title="In B", date=datetime.date(2022, 1, 1))
    return evidence


# --- sources ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person, expected", [
    ("researcher_a", {"s1", "s2"}), ("mentor_a", {"s1", "s2"}), ("researcher_b", {"sb"}), ("coordinator", {"s1"}),
    ("coresearcher_a", set()), ("viewer", set()), ("outsider", set()),
])
def test_each_person_lists_the_sources_she_may_see(world, api_as, person, expected):
    response = api_as(getattr(world, person)).get(f"{BASE}/sources")
    assert response.status_code == 200
    assert set(ids(response)) == {getattr(world, name).pk for name in expected}


def test_a_source_of_another_partnership_is_404_like_a_missing_one(world, api_as):
    client = api_as(world.researcher_b)
    for pk in (world.s1.pk, 999999):
        response = client.get(f"{BASE}/sources/{pk}")
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_metadata_only_unless_text_is_asked_for(world, api_as):
    body = api_as(world.researcher_a).get(f"{BASE}/sources/{world.s1.pk}").json()
    assert body["participant_codes"] == [world.a1.code] and body["kind"] == "interview"
    assert body["transcript"] is None and body["transcript_length"] == len(world.s1.transcript)
    assert body["text_withheld"] is False
    body = api_as(world.researcher_a).get(f"{BASE}/sources/{world.s1.pk}", {"include": "text"}).json()
    assert body["transcript"] == "Иш ҳақи тўланмади."


def test_text_is_withheld_where_a_participant_does_not_allow_analysis(world, api_as):
    consent_withdraw(actor=None, participant=world.a1, date=datetime.date(2024, 6, 1), scopes=["analysis"])
    body = api_as(world.researcher_a).get(f"{BASE}/sources/{world.s1.pk}", {"include": "text"}).json()
    assert body["transcript"] is None and body["text_withheld"] is True
    listed = api_as(world.researcher_a).get(f"{BASE}/sources", {"include": "text"}).json()["items"]
    by_id = {item["id"]: item for item in listed}
    assert by_id[world.s2.pk]["transcript"] == "Без договора."


def test_coordinators_get_the_text_of_shared_sources_whose_participants_allow_analysis(world, api_as):
    body = api_as(world.coordinator).get(f"{BASE}/sources/{world.s1.pk}", {"include": "text"}).json()
    assert body["transcript"] == "Иш ҳақи тўланмади."
    assert api_as(world.coordinator).get(f"{BASE}/sources/{world.s2.pk}").status_code == 404


def test_sources_filter_by_partnership_kind_participant_and_title(world, api_as):
    client = api_as(world.researcher_a)
    assert set(ids(client.get(f"{BASE}/sources", {"participant": world.a2.code}))) == {world.s2.pk}
    assert set(ids(client.get(f"{BASE}/sources", {"q": "a1"}))) == {world.s1.pk}
    assert ids(client.get(f"{BASE}/sources", {"kind": "survey"})) == []
    assert ids(client.get(f"{BASE}/sources", {"partnership_id": world.b.pk})) == []
    assert client.get(f"{BASE}/sources", {"date_from": "yesterday"}).status_code == 400


def test_the_sources_list_asks_a_fixed_number_of_queries(world, api_as, django_assert_max_num_queries):
    from ovoz.evidence.services.sources import source_create

    for n in range(30):
        source_create(actor=None, partnership=world.a, kind="interview", title=f"S{n}", participants=[world.a1])
    client = api_as(world.researcher_a)
    with django_assert_max_num_queries(12):
        response = client.get(f"{BASE}/sources", {"limit": 40})
    assert response.json()["count"] == 32


def test_without_a_token_the_answer_is_401(world, api_anonymous):
    assert api_anonymous.get(f"{BASE}/sources").status_code == 401
    assert api_anonymous.get(f"{BASE}/incidents").status_code == 401


# --- incidents --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person, expected", [
    ("researcher_a", {"shared", "kept"}), ("mentor_a", {"shared", "kept"}), ("researcher_b", {"other"}),
    ("coordinator", {"shared"}), ("coresearcher_a", set()), ("viewer", set()), ("outsider", set()),
])
def test_each_person_lists_the_incidents_she_may_see(world, api_as, person, expected):
    response = api_as(getattr(world, person)).get(f"{BASE}/incidents")
    assert set(ids(response)) == {getattr(world, name).pk for name in expected}


def test_an_incident_comes_whole_but_never_with_the_employers_name(world, api_as):
    response = api_as(world.researcher_a).get(f"{BASE}/incidents/{world.shared.pk}", {"include": "text"})
    body = response.json()
    assert EMPLOYER not in json.dumps(body, ensure_ascii=False)
    assert body["when"] == "March 2023" and body["status"] == "likely"
    assert body["acts"] == [{
        "act_type": {"code": "unpaid-wages", "label": world.terms.unpaid.label_en, "huridocs_code": "04-30010202"},
        "victim_codes": [world.a1.code],
        "perpetrator_type": {"code": "employer", "label": "Employer",
                             "huridocs_code": world.terms.employer.huridocs_code},
        "perpetrator_description": "",
    }]
    assert [r["code"] for r in body["rights"]] == ["icescr-7"]
    assert body["labour_claim"]["has_employer_name"] is True and body["labour_claim"]["wages_owed"] == "45000.00"
    assert body["narrative"] == "She was not paid for three months."
    assert body["interventions"][0]["response"] == "Asked for payslips."
    assert {s["source_id"] for s in body["sources"]} == {world.s1.pk, world.s2.pk}


def test_coordinators_see_only_the_sources_they_may_see_and_narratives_only_on_request(world, api_as):
    body = api_as(world.coordinator).get(f"{BASE}/incidents/{world.shared.pk}").json()
    assert body["narrative"] is None and body["interventions"][0]["response"] is None
    assert [s["source_id"] for s in body["sources"]] == [world.s1.pk]
    assert api_as(world.coordinator).get(f"{BASE}/incidents/{world.kept.pk}").status_code == 404


def test_incidents_filter_by_type_with_narrower_types_status_and_country(world, api_as):
    client = api_as(world.researcher_a)
    assert ids(client.get(f"{BASE}/incidents", {"violation": "labour-rights"})) == [world.shared.pk]
    assert ids(client.get(f"{BASE}/incidents", {"violation": "no-such-code"})) == []
    assert ids(client.get(f"{BASE}/incidents", {"status": "possible"})) == [world.kept.pk]
    assert ids(client.get(f"{BASE}/incidents", {"country": "kg"})) == [world.shared.pk]
    assert ids(client.get(f"{BASE}/incidents", {"perpetrator": "employer"})) == [world.shared.pk]
    assert ids(client.get(f"{BASE}/incidents", {"date_to": "2022-12-31"})) == []


def test_researcher_b_gets_404_on_partnership_as_incident(world, api_as):
    assert api_as(world.researcher_b).get(f"{BASE}/incidents/{world.shared.pk}").status_code == 404


def test_the_incidents_list_asks_a_fixed_number_of_queries(world, api_as, django_assert_max_num_queries):
    for n in range(20):
        incident_create(actor=None, partnership=world.a, title=f"I{n}", labour={"contract": "none"},
                        acts=[{"act_type": world.terms.unpaid, "victims": [world.a1]}])
    with django_assert_max_num_queries(16):
        response = api_as(world.researcher_a).get(f"{BASE}/incidents", {"limit": 50})
    assert response.json()["count"] == 22
