"""Recording documented violations through the pages: acts, rights, interventions, sources and the labour claim
on one form; the employer's name encrypted and shown to researchers only; sharing, filters and deletion."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Incident, LabourClaim
from ovoz.evidence.services.incidents import incident_create
from tests.evidence.test_incident_vocabulary import make_terms
from tests.evidence.test_source_pages import reauthenticated

EMPLOYER = "Askarbek Toktogulov, sewing workshop"


@pytest.fixture
def world(evidence):
    evidence.terms = make_terms()
    return evidence


def management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def incident_data(w, **extra) -> dict:
    t = w.terms
    data = {
        "title": "Wages withheld at a sewing workshop", "narrative": "She sewed for three months and was not paid.",
        "date": "2023-03-10", "date_precision": "month", "end_date": "2023-05-20", "country": "KG",
        "region": str(t.chuy.pk), "city": "Bishkek", "status": "likely", "rights": [t.right_work.pk],
        **management("acts", 1), "acts-0-act_type": t.unpaid.pk, "acts-0-victims": [w.a1.pk],
        "acts-0-perpetrator_type": t.employer.pk, "acts-0-perpetrator_description": "Workshop owner",
        "acts-0-note": "",
        **management("interventions", 1), "interventions-0-intervention_type": t.inspection.pk,
        "interventions-0-date": "2023-06-01", "interventions-0-by_whom": "The partner's lawyer",
        "interventions-0-status": "ongoing", "interventions-0-response": "The inspection asked for payslips.",
        "interventions-0-outcome": "",
        **management("links", 1), "links-0-source": w.s1.pk, "links-0-connection": "victim",
        "links-0-reliability": "high",
        "labour-has_claim": "on", "labour-employer_type": "private_person", "labour-employer_name": EMPLOYER,
        "labour-contract": "oral", "labour-wages_owed": "45000", "labour-currency": "KGS",
        "labour-wages_period": "March–May 2023", "labour-hours_per_week": "72", "labour-documents_confiscated": "on",
        "labour-documents_confiscated_by": "the employer", "labour-recovered_amount": "",
    }
    data.update(extra)
    return data


def create(w, user=None, **extra):
    return incident_create(
        actor=user, partnership=w.a, title=extra.pop("title", "Wages withheld"), date=datetime.date(2023, 3, 1),
        country="KG", acts=[{"act_type": w.terms.unpaid, "victims": [w.a1], "perpetrator_type": w.terms.employer}],
        labour={"employer_name": EMPLOYER, "wages_owed": 1000, "currency": "KGS"}, **extra,
    )


# --- recording --------------------------------------------------------------------------------------------


def test_a_researcher_records_an_incident_whole_and_it_is_audited_without_testimony(world, as_user):
    client = as_user(world.researcher_a)
    assert client.get(f"/partnerships/{world.a.pk}/incidents/new/").status_code == 200
    response = client.post(f"/partnerships/{world.a.pk}/incidents/new/", incident_data(world))
    assert response.status_code == 302, response.content.decode()[:3000]
    incident = Incident.objects.get(title="Wages withheld at a sewing workshop")
    assert incident.partnership == world.a and incident.created_by == world.researcher_a
    assert incident.date == datetime.date(2023, 3, 1) and incident.end_date == datetime.date(2023, 5, 1)
    assert incident.region == world.terms.chuy and incident.status == "likely"
    act = incident.acts.get()
    assert act.act_type == world.terms.unpaid and list(act.victims.all()) == [world.a1]
    assert act.perpetrator_type == world.terms.employer
    assert list(incident.rights.all()) == [world.terms.right_work]
    intervention = incident.interventions.get()
    assert intervention.intervention_type == world.terms.inspection and intervention.status == "ongoing"
    link = incident.source_links.get()
    assert (link.source, link.connection, link.reliability) == (world.s1, "victim", "high")
    claim = incident.labour_claim
    assert claim.employer_name == EMPLOYER and claim.contract == "oral" and claim.currency == "KGS"
    assert str(claim.wages_owed) == "45000.00" and claim.hours_per_week == 72 and claim.documents_confiscated
    entry = AuditEntry.objects.get(action="incident.create")
    logged = str(entry.changes)
    assert "sewed" not in logged and "Askarbek" not in logged and "payslips" not in logged
    assert entry.changes["acts"]["new"] == [f"unpaid-wages:{world.a1.code}"]
    detail = client.get(response["Location"]).content.decode()
    assert "March 2023 – May 2023" in detail and "Chüy Region" in detail and world.a1.code in detail
    assert "45,000 KGS" in detail and "Askarbek" not in detail
    assert "Show the name" in detail


def test_the_employers_name_is_encrypted_in_the_database(world):
    create(world)
    with connection.cursor() as cursor:
        cursor.execute("SELECT employer_name FROM evidence_labourclaim")
        (stored,) = cursor.fetchone()
    assert stored.startswith("enc1:") and "Askarbek" not in stored


def test_only_the_partnerships_researchers_see_the_employers_name_after_their_password(world, as_user):
    incident = create(world, shared_with_programme=True)
    url = f"/incidents/{incident.pk}/employer/"
    for person in ("mentor_a", "coordinator", "researcher_b", "coresearcher_a", "viewer"):
        assert reauthenticated(as_user(getattr(world, person))).get(url).status_code == 404, person
    client = as_user(world.researcher_a)
    assert "/auth/confirm/" in client.get(url)["Location"]
    assert not AuditEntry.objects.filter(kind="read").exists()
    page = reauthenticated(client).get(url)
    assert page.status_code == 200 and EMPLOYER in page.content.decode()
    read = AuditEntry.objects.get(kind="read")
    assert read.actor == world.researcher_a and read.object_type == "evidence.labourclaim"
    assert "Askarbek" not in as_user(world.mentor_a).get(f"/incidents/{incident.pk}/").content.decode()


def test_a_mentor_edits_an_incident_without_seeing_or_losing_the_employers_name(world, as_user):
    incident = create(world)
    client = as_user(world.mentor_a)
    page = client.get(f"/incidents/{incident.pk}/edit/").content.decode()
    assert "Askarbek" not in page and 'name="labour-employer_name"' not in page
    data = incident_data(world, title="Renamed", **{"labour-employer_type": "company"})
    del data["labour-employer_name"]
    assert client.post(f"/incidents/{incident.pk}/edit/", data).status_code == 302
    incident.refresh_from_db()
    assert incident.title == "Renamed"
    assert incident.labour_claim.employer_name == EMPLOYER and incident.labour_claim.employer_type == "company"


def test_a_researcher_keeps_replaces_or_removes_the_name_without_it_being_shown(world, as_user):
    incident = create(world)
    client = as_user(world.researcher_a)
    page = client.get(f"/incidents/{incident.pk}/edit/").content.decode()
    assert "Askarbek" not in page and "A name is recorded" in page
    client.post(f"/incidents/{incident.pk}/edit/", incident_data(world, **{"labour-employer_name": ""}))
    assert LabourClaim.objects.get(incident=incident).employer_name == EMPLOYER
    client.post(f"/incidents/{incident.pk}/edit/", incident_data(world, **{"labour-employer_name": "A recruiter"}))
    assert LabourClaim.objects.get(incident=incident).employer_name == "A recruiter"
    client.post(f"/incidents/{incident.pk}/edit/", incident_data(
        world, **{"labour-employer_name": "", "labour-clear_employer_name": "on"}))
    assert LabourClaim.objects.get(incident=incident).employer_name == ""
    update = AuditEntry.objects.filter(action="incident.update").first()
    assert "recruiter" not in str(update.changes)


def test_editing_removes_adds_and_changes_rows(world, as_user):
    incident = create(world)
    act = incident.acts.get()
    data = incident_data(world, **{
        **management("acts", 2, initial=1), "acts-0-id": act.pk, "acts-0-DELETE": "on",
        "acts-0-act_type": world.terms.unpaid.pk, "acts-1-act_type": world.terms.gbv.pk,
        "acts-1-victims": [world.a1.pk, world.a2.pk], "acts-1-perpetrator_type": world.terms.police.pk,
        **management("interventions", 0), **management("links", 1), "labour-has_claim": "",
    })
    response = as_user(world.researcher_a).post(f"/incidents/{incident.pk}/edit/", data)
    assert response.status_code == 302
    acts = list(incident.acts.all())
    assert [a.act_type for a in acts] == [world.terms.gbv] and acts[0].pk != act.pk
    assert set(acts[0].victims.all()) == {world.a1, world.a2}
    assert not incident.interventions.exists()
    assert not LabourClaim.objects.filter(incident=incident).exists()


@pytest.mark.parametrize("change, message", [
    ({"date": "2999-01-01", "end_date": ""}, "cannot be dated in the future"),
    ({"end_date": "2023-01-01", "date_precision": "day"}, "end date is before the start date"),
    ({"country": "TJ"}, "region is not in the country chosen"),
    ({"labour-currency": ""}, "Give the currency of the amounts"),
    ({"labour-hours_per_week": "200"}, "less than or equal to 168"),
    ({"acts-0-act_type": ""}, "This field is required"),
    ({"links-0-connection": ""}, "This field is required"),
])
def test_a_mistake_is_shown_clearly_and_nothing_is_written(world, as_user, change, message):
    response = as_user(world.researcher_a).post(f"/partnerships/{world.a.pk}/incidents/new/",
                                                incident_data(world, **change))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Incident.objects.exists() and not LabourClaim.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="incident").exists()


def test_victims_and_sources_of_another_partnership_cannot_be_chosen(world, as_user):
    client = as_user(world.researcher_a)
    page = client.get(f"/partnerships/{world.a.pk}/incidents/new/").content.decode()
    assert world.b1.code not in page and world.sb.title not in page
    for change in ({"acts-0-victims": [world.b1.pk]}, {"links-0-source": world.sb.pk}):
        assert client.post(f"/partnerships/{world.a.pk}/incidents/new/",
                           incident_data(world, **change)).status_code == 400
    assert not Incident.objects.exists()


# --- sharing and who sees what ------------------------------------------------------------------------------


def test_sharing_is_refused_when_a_victim_does_not_allow_it(world, as_user):
    response = as_user(world.researcher_a).post(f"/partnerships/{world.a.pk}/incidents/new/", incident_data(
        world, shared_with_programme="on", **{"acts-0-victims": [world.a1.pk, world.a2.pk]}))
    assert response.status_code == 400
    assert world.a2.code in response.content.decode() and "cannot be shared" in response.content.decode()
    assert not Incident.objects.exists()


def test_coordinators_see_only_shared_incidents_and_never_the_employer(world, as_user):
    shared = create(world, title="Shared one", shared_with_programme=True)
    kept = create(world, title="Kept in the team")
    client = as_user(world.coordinator)
    body = client.get(f"/partnerships/{world.a.pk}/incidents/").content.decode()
    assert "Shared one" in body and "Kept in the team" not in body and "Record an incident" not in body
    detail = client.get(f"/incidents/{shared.pk}/").content.decode()
    assert "Recorded, confidential" in detail and "Askarbek" not in detail and "Show the name" not in detail
    assert client.get(f"/incidents/{kept.pk}/").status_code == 404
    assert client.get(f"/incidents/{shared.pk}/edit/").status_code == 404


@pytest.mark.parametrize("person", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_nobody_outside_the_team_reaches_a_partnerships_incidents(world, as_user, person):
    incident = create(world, shared_with_programme=True)
    client = reauthenticated(as_user(getattr(world, person)))
    for url in (f"/partnerships/{world.a.pk}/incidents/", f"/partnerships/{world.a.pk}/incidents/new/",
                f"/incidents/{incident.pk}/", f"/incidents/{incident.pk}/edit/", f"/incidents/{incident.pk}/delete/",
                f"/incidents/{incident.pk}/employer/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/incidents/{incident.pk}/edit/", incident_data(world, title="x")).status_code == 404
    assert client.post(f"/incidents/{incident.pk}/delete/").status_code == 404
    assert Incident.objects.get(pk=incident.pk).title == "Wages withheld"


# --- the list ------------------------------------------------------------------------------------------------


def test_the_list_filters_by_type_perpetrator_status_dates_and_place(world, as_user):
    t = world.terms
    incident_create(actor=None, partnership=world.a, title="Beaten by police", status="confirmed", country="TJ",
                    region=t.sughd, date=datetime.date(2022, 5, 1),
                    acts=[{"act_type": t.gbv, "victims": [], "perpetrator_type": t.police}])
    incident_create(actor=None, partnership=world.a, title="Unpaid in Chüy", status="likely", country="KG",
                    region=t.chuy, date=datetime.date(2023, 4, 1), end_date=datetime.date(2023, 9, 1),
                    acts=[{"act_type": t.unpaid, "victims": [world.a1], "perpetrator_type": t.employer}])
    client = as_user(world.mentor_a)

    def titles(**params):
        body = client.get(f"/partnerships/{world.a.pk}/incidents/", params).content.decode()
        return {x for x in ("Beaten by police", "Unpaid in Chüy") if x in body}

    assert titles() == {"Beaten by police", "Unpaid in Chüy"}
    assert titles(violation=t.labour.pk) == {"Unpaid in Chüy"}, "a broader type finds its narrower ones"
    assert titles(violation=t.gbv.pk) == {"Beaten by police"}
    assert titles(perpetrator=t.employer.pk) == {"Unpaid in Chüy"}
    assert titles(status="confirmed") == {"Beaten by police"}
    assert titles(country="KG") == {"Unpaid in Chüy"}
    assert titles(region=t.sughd.pk) == {"Beaten by police"}
    assert titles(date_from="2023-06-01") == {"Unpaid in Chüy"}, "still going on then"
    assert titles(date_to="2022-12-31") == {"Beaten by police"}
    assert titles(q="police") == {"Beaten by police"}


def test_an_incident_with_several_matching_acts_is_listed_once(world, as_user):
    t = world.terms
    incident_create(actor=None, partnership=world.a, title="Two unpaid seasons", date=datetime.date(2023, 3, 1),
                    acts=[{"act_type": t.unpaid, "victims": [world.a1], "perpetrator_type": t.employer},
                          {"act_type": t.unpaid, "victims": [world.a2], "perpetrator_type": t.employer}])
    client = as_user(world.researcher_a)
    for params in ({"violation": t.labour.pk}, {"perpetrator": t.employer.pk}):
        body = client.get(f"/partnerships/{world.a.pk}/incidents/", params).content.decode()
        assert body.count(">Two unpaid seasons<") == 1 and "1 incident" in body, params


def test_the_list_reads_no_narrative(world, as_user):
    create(world, title="Wages withheld", narrative="Она шила три месяца.")
    client = as_user(world.researcher_a)
    client.get(f"/partnerships/{world.a.pk}/incidents/")
    with CaptureQueriesContext(connection) as queries:
        assert ">Wages withheld<" in client.get(f"/partnerships/{world.a.pk}/incidents/").content.decode()
    assert not [q for q in queries.captured_queries if '"narrative"' in q["sql"]]


def test_the_list_pages_without_a_query_per_incident(world, as_user, django_assert_max_num_queries):
    for n in range(30):
        create(world, title=f"Incident {n:02d}")
    client = as_user(world.researcher_a)
    client.get(f"/partnerships/{world.a.pk}/incidents/")
    with django_assert_max_num_queries(16):
        body = client.get(f"/partnerships/{world.a.pk}/incidents/").content.decode()
    assert "Page 1 of 2" in body and body.count('<span class="muted">Unpaid or withheld wages') == 25


# --- deleting ----------------------------------------------------------------------------------------------


def test_deleting_an_incident_asks_for_the_password_and_confirmation_and_keeps_its_sources(world, as_user):
    incident = create(world, links=[{"source": world.s1, "connection": "victim"}])
    client = as_user(world.researcher_a)
    url = f"/incidents/{incident.pk}/delete/"
    assert "/auth/confirm/" in client.get(url)["Location"]
    reauthenticated(client)
    assert "Delete this incident?" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Incident.objects.filter(pk=incident.pk).exists()
    assert not LabourClaim.objects.exists()
    world.s1.refresh_from_db()
    entry = AuditEntry.objects.get(action="incident.delete")
    assert entry.object_repr == "Wages withheld" and "Askarbek" not in str(entry.changes)
