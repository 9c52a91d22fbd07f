"""Recording, listing, editing and deleting sources through the pages, as each member of the cast."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Source
from ovoz.evidence.services.consent import consent_withdraw
from ovoz.evidence.services.sources import source_create


def reauthenticated(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


def form_data(**extra) -> dict:
    data = {"kind": "interview", "title": "Interview on wages", "date": "2023-05-04", "place": "Ak-Zhar",
            "language": "ky", "transcript": "", "translation_en": "", "notes": "", "women_only": "unknown",
            "stakeholders_present": "", "outcomes": "", "action": "save"}
    data.update(extra)
    return data


# --- recording --------------------------------------------------------------------------------------------


def test_a_researcher_records_an_interview_with_her_participants_and_it_is_audited(evidence, as_user):
    client = as_user(evidence.researcher_a)
    page = client.get(f"/partnerships/{evidence.a.pk}/sources/new/")
    assert page.status_code == 200 and evidence.a1.code in page.content.decode()
    response = client.post(f"/partnerships/{evidence.a.pk}/sources/new/", form_data(
        participants=[evidence.a1.pk, evidence.a2.pk], facilitator=evidence.researcher_a.pk,
        transcript="Q: Сколько месяцев?\r\nA: Три.",
    ))
    assert response.status_code == 302
    source = Source.objects.get(title="Interview on wages")
    assert source.partnership == evidence.a and source.created_by == evidence.researcher_a
    assert set(source.participants.all()) == {evidence.a1, evidence.a2}
    assert source.facilitator == evidence.researcher_a
    assert source.transcript == "Q: Сколько месяцев?\nA: Три."
    entry = AuditEntry.objects.get(action="source.create", object_id=str(source.pk))
    assert entry.partnership_id == evidence.a.pk
    assert "Три" not in str(entry.changes), "testimony never enters the audit log"
    assert entry.changes["transcript"]["new"].startswith(f"[{len(source.transcript)} characters")
    detail = client.get(response["Location"])
    assert "A: Три." in detail.content.decode()


def test_a_consultation_keeps_its_own_fields_and_other_kinds_drop_them(evidence, as_user):
    client = as_user(evidence.mentor_a)
    client.post(f"/partnerships/{evidence.a.pk}/sources/new/", form_data(
        kind="consultation", title="Consultation in Ak-Zhar", women_only="true",
        stakeholders_present="Local council, two NGOs", outcomes="A women's group meets monthly.",
    ))
    consultation = Source.objects.get(title="Consultation in Ak-Zhar")
    assert consultation.women_only is True and consultation.outcomes == "A women's group meets monthly."
    client.post(f"/sources/{consultation.pk}/edit/", form_data(
        kind="focus_group", title="Consultation in Ak-Zhar", women_only="true", outcomes="kept?",
    ))
    consultation.refresh_from_db()
    assert consultation.kind == "focus_group"
    assert consultation.women_only is None and consultation.outcomes == "" and consultation.stakeholders_present == ""


def test_a_missing_title_is_a_clear_error_and_nothing_is_written(evidence, as_user):
    before = Source.objects.count()
    response = as_user(evidence.researcher_a).post(f"/partnerships/{evidence.a.pk}/sources/new/",
                                                   form_data(title=""))
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert Source.objects.count() == before


def test_the_facilitator_must_be_on_the_partnerships_team(evidence, as_user):
    response = as_user(evidence.researcher_a).post(f"/partnerships/{evidence.a.pk}/sources/new/",
                                                   form_data(facilitator=evidence.researcher_b.pk))
    assert response.status_code == 400
    assert not Source.objects.filter(title="Interview on wages").exists()


def test_participants_of_another_partnership_cannot_be_linked(evidence, as_user):
    response = as_user(evidence.researcher_a).post(f"/partnerships/{evidence.a.pk}/sources/new/",
                                                   form_data(participants=[evidence.b1.pk]))
    assert response.status_code == 400
    assert not Source.objects.filter(title="Interview on wages").exists()


# --- sharing with coordinators ---------------------------------------------------------------------------


def test_sharing_is_refused_when_a_participant_does_not_allow_it(evidence, as_user):
    # a2 allows analysis and statistics only.
    response = as_user(evidence.researcher_a).post(f"/partnerships/{evidence.a.pk}/sources/new/", form_data(
        participants=[evidence.a1.pk, evidence.a2.pk], shared_with_programme="on",
    ))
    assert response.status_code == 400
    body = response.content.decode()
    assert "cannot be shared with the programme&#x27;s coordinators" in body and evidence.a2.code in body
    assert evidence.a1.code not in body.split("did not allow")[0].split("coordinators:")[-1]
    assert not Source.objects.filter(title="Interview on wages").exists()


def test_sharing_is_allowed_when_every_participant_allows_it(evidence, as_user):
    response = as_user(evidence.researcher_a).post(f"/partnerships/{evidence.a.pk}/sources/new/", form_data(
        participants=[evidence.a1.pk], shared_with_programme="on",
    ))
    assert response.status_code == 302
    source = Source.objects.get(title="Interview on wages")
    assert source.shared_with_programme
    assert as_user(evidence.coordinator).get(f"/sources/{source.pk}/").status_code == 200


def test_coordinators_list_only_what_is_shared_and_allowed(evidence, as_user):
    unshared = source_create(actor=evidence.researcher_a, partnership=evidence.a, kind="document", title="Unshared")
    body = as_user(evidence.coordinator).get(f"/partnerships/{evidence.a.pk}/sources/").content.decode()
    assert evidence.s1.title in body
    assert evidence.s2.title not in body  # shared, but a2 does not allow coordinators
    assert unshared.title not in body
    assert "Record a source" not in body
    client = as_user(evidence.coordinator)
    assert client.get(f"/sources/{evidence.s2.pk}/").status_code == 404
    assert client.get(f"/sources/{unshared.pk}/").status_code == 404
    assert client.get(f"/sources/{evidence.s1.pk}/edit/").status_code == 404


def test_a_withdrawal_takes_a_shared_source_away_from_coordinators(evidence, as_user):
    consent_withdraw(actor=evidence.researcher_a, participant=evidence.a1, date=datetime.date(2024, 6, 1))
    assert as_user(evidence.coordinator).get(f"/sources/{evidence.s1.pk}/").status_code == 404
    body = as_user(evidence.researcher_a).get(f"/sources/{evidence.s1.pk}/").content.decode()
    assert "Withdrew her consent entirely" in body


# --- who may see what ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("person", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_nobody_outside_the_team_reaches_a_partnerships_sources(evidence, as_user, person):
    client = reauthenticated(as_user(getattr(evidence, person)))
    s1 = evidence.s1.pk
    for url in (f"/partnerships/{evidence.a.pk}/sources/", f"/partnerships/{evidence.a.pk}/sources/new/",
                f"/sources/{s1}/", f"/sources/{s1}/edit/", f"/sources/{s1}/delete/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/sources/{s1}/edit/", form_data()).status_code == 404
    assert client.post(f"/sources/{s1}/delete/").status_code == 404
    assert Source.objects.filter(pk=s1, title="Interview A1").exists()


def test_researcher_b_gets_404_on_a_missing_source_too(evidence, as_user):
    client = as_user(evidence.researcher_b)
    assert client.get("/sources/999999/").status_code == 404
    assert client.get(f"/sources/{evidence.sb.pk}/").status_code == 200


# --- the list --------------------------------------------------------------------------------------------------


def test_the_list_filters_by_kind_language_dates_participant_and_title(evidence, as_user):
    a = evidence.a
    source_create(actor=None, partnership=a, kind="focus_group", title="Focus group in Osh", language="uz",
                  date=datetime.date(2023, 7, 1), participants=[evidence.a2])
    source_create(actor=None, partnership=a, kind="document", title="Labour inspection letter", language="ru",
                  date=datetime.date(2022, 11, 1))
    client = as_user(evidence.researcher_a)

    def titles(**params):
        body = client.get(f"/partnerships/{a.pk}/sources/", params).content.decode()
        return {t for t in ("Focus group in Osh", "Labour inspection letter", "Interview A1", "Interview A2")
                if f">{t}<" in body}

    assert titles() == {"Focus group in Osh", "Labour inspection letter", "Interview A1", "Interview A2"}
    assert titles(kind="focus_group") == {"Focus group in Osh"}
    assert titles(language="ru") == {"Labour inspection letter"}
    assert titles(date_from="2023-01-01") == {"Focus group in Osh"}
    assert titles(date_to="2022-12-31") == {"Labour inspection letter"}
    assert titles(participant=evidence.a2.code.lower()) == {"Focus group in Osh", "Interview A2"}
    assert titles(q="letter") == {"Labour inspection letter"}
    # A date that is not one is shown as an error on the filter, and the page still answers.
    response = client.get(f"/partnerships/{a.pk}/sources/", {"date_from": "31.02.2023"})
    assert response.status_code == 200 and "Enter a valid date" in response.content.decode()


def test_a_source_is_listed_once_whatever_joins_its_filters_need(evidence, as_user):
    source_create(actor=None, partnership=evidence.a, kind="focus_group", title="Focus group with both",
                  participants=[evidence.a1, evidence.a2])
    client = as_user(evidence.researcher_a)
    body = client.get(f"/partnerships/{evidence.a.pk}/sources/", {"participant": evidence.a1.code}).content.decode()
    assert body.count(">Focus group with both<") == 1
    body = client.get(f"/partnerships/{evidence.a.pk}/sources/").content.decode()
    assert body.count(">Focus group with both<") == 1 and "3 sources" in body


def test_the_list_never_reads_transcripts_and_counts_files_without_a_join(evidence, as_user):
    client = as_user(evidence.researcher_a)
    client.get(f"/partnerships/{evidence.a.pk}/sources/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/partnerships/{evidence.a.pk}/sources/")
    assert page.status_code == 200
    source_sql = [q["sql"] for q in queries.captured_queries if "evidence_source" in q["sql"]]
    assert source_sql and not [sql for sql in source_sql if '"transcript"' in sql or "DISTINCT" in sql]


def test_the_list_pages_and_its_queries_do_not_grow_with_the_sources(evidence, as_user, django_assert_max_num_queries):
    for n in range(40):
        source_create(actor=None, partnership=evidence.a, kind="interview", title=f"Interview {n:02d}",
                      participants=[evidence.a1, evidence.a2])
    client = as_user(evidence.researcher_a)
    client.get(f"/partnerships/{evidence.a.pk}/sources/")  # warm the session
    with django_assert_max_num_queries(14):
        page = client.get(f"/partnerships/{evidence.a.pk}/sources/")
    body = page.content.decode()
    assert "Page 1 of 2" in body and body.count(f"{evidence.a1.code}, {evidence.a2.code}") >= 20
    assert "Page 2 of 2" in client.get(f"/partnerships/{evidence.a.pk}/sources/", {"page": 2}).content.decode()


# --- deleting ----------------------------------------------------------------------------------------------------


def test_deleting_asks_for_the_password_then_confirmation_and_is_audited(evidence, as_user):
    client = as_user(evidence.researcher_a)
    url = f"/sources/{evidence.s2.pk}/delete/"
    response = client.get(url)
    assert response.status_code == 302 and "/auth/confirm/" in response["Location"]
    reauthenticated(client)
    page = client.get(url)
    assert page.status_code == 200 and "Delete this source?" in page.content.decode()
    assert Source.objects.filter(pk=evidence.s2.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not Source.objects.filter(pk=evidence.s2.pk).exists()
    entry = AuditEntry.objects.get(action="source.delete")
    assert entry.object_repr == "Interview A2" and entry.partnership_id == evidence.a.pk


def test_a_source_that_documents_an_incident_must_be_unlinked_first(evidence, as_user):
    from ovoz.evidence.services.incidents import incident_create

    incident = incident_create(actor=None, partnership=evidence.a, title="Wages withheld",
                               links=[{"source": evidence.s1, "connection": "victim"}])
    client = reauthenticated(as_user(evidence.researcher_a))
    page = client.get(f"/sources/{evidence.s1.pk}/delete/").content.decode()
    assert "Remove it from each of them first" in page and "Wages withheld" in page
    client.post(f"/sources/{evidence.s1.pk}/delete/")
    assert Source.objects.filter(pk=evidence.s1.pk).exists()
    link = incident.source_links.get()
    response = client.post(f"/incident-sources/{link.pk}/remove/", {"next": f"/sources/{evidence.s1.pk}/delete/"})
    assert response.status_code == 302 and response["Location"] == f"/sources/{evidence.s1.pk}/delete/"
    assert AuditEntry.objects.filter(action="incident.unlink_source").exists()
    client.post(f"/sources/{evidence.s1.pk}/delete/")
    assert not Source.objects.filter(pk=evidence.s1.pk).exists()
    incident.refresh_from_db()  # the incident stays


def test_a_link_cannot_be_removed_from_another_partnership(evidence, as_user):
    from ovoz.evidence.services.incidents import incident_create

    incident = incident_create(actor=None, partnership=evidence.a, title="Wages withheld",
                               links=[{"source": evidence.s1, "connection": "victim"}])
    link = incident.source_links.get()
    for person in ("researcher_b", "coordinator", "coresearcher_a"):
        assert as_user(getattr(evidence, person)).post(f"/incident-sources/{link.pk}/remove/").status_code == 404
    assert incident.source_links.exists()
