"""Participants and documented violations from our own CSV and XLSX templates: the same dry run, one
transaction, and a row key that makes a re-import skip the rows already in."""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ovoz.evidence.models import AttributeDefinition, ConsentRecord, Incident, LabourClaim, Participant
from ovoz.evidence.services.participants import participant_create
from ovoz.imports.models import ImportJob
from tests.imports import builders


def table(rows, delimiter=",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def import_table(client, cast, kind, content, name="table.csv", run=True):
    client.post(reverse("imports:table_import", args=[cast.a.pk, kind]),
                {"file": SimpleUploadedFile(name, content)})
    job = ImportJob.objects.latest("pk")
    if run and job.can_run:
        client.post(reverse("imports:job_run", args=[job.pk]))
        job.refresh_from_db()
    return job


PEOPLE = [
    ["row_key", "migrant_status", "age_band", "region_of_origin", "destination", "work_sector", "household_role",
     "consent_scopes", "consent_date", "consent_language"],
    ["1", "Returned migrant", "25-29", "Chüy Region", "Moscow", "construction", "kelin", "analysis statistics",
     "2024-03-01", "ky"],
    ["2", "вернувшаяся мигрантка", "52", "kg-naryn", "", "", "", "analysis, quotes", "05.03.2024", "Russian"],
]


def test_templates_list_the_columns_and_the_programmes_own_attributes(cast, as_user):
    AttributeDefinition.objects.create(programme=cast.programme, key="children", label="Number of children",
                                       kind="number")
    client = as_user(cast.researcher_a)
    response = client.get(reverse("imports:table_template", args=[cast.a.pk, "participants", "csv"]))
    header = response.content.decode("utf-8-sig").strip().split(",")
    assert header[0] == "row_key" and "consent_scopes" in header and header[-1] == "attr:children"
    assert "attachment" in response["Content-Disposition"]
    xlsx = client.get(reverse("imports:table_template", args=[cast.a.pk, "incidents", "xlsx"]))
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert [c.value for c in book.worksheets[0][1]][:3] == ["row_key", "title", "act_types"]
    assert book.worksheets[1]["A1"].value == "Column" and book.worksheets[1].max_row > 10
    assert client.get(reverse("imports:table_template", args=[cast.a.pk, "incidents", "pdf"])).status_code == 404
    assert client.get(reverse("imports:table_template", args=[cast.a.pk, "people", "csv"])).status_code == 404


def test_participants_are_imported_with_their_consent_from_csv(cast, as_user):
    job = import_table(as_user(cast.researcher_a), cast, "participants", table(PEOPLE))
    assert job.status == ImportJob.Status.DONE, (job.error, job.problems)
    first, second = Participant.objects.order_by("external_id")
    assert first.migrant_status.code == "returned" and first.region_of_origin.code == "kg-chuy"
    assert first.work_sector.code == "construction" and first.household_role.code == "kelin"
    assert first.consent_analysis and first.consent_statistics and not first.consent_quotes
    assert second.age_band == "50-59" and second.consent_quotes
    assert ConsentRecord.objects.get(participant=second).language == "ru"
    assert str(ConsentRecord.objects.get(participant=second).date) == "2024-03-05"
    assert first.name == "" and first.contacts == ""  # identities never come from a file


def test_participants_from_xlsx_with_an_attribute_and_a_code(cast, as_user):
    AttributeDefinition.objects.create(programme=cast.programme, key="children", label="Children", kind="number")
    rows = [["row_key", "code", "migrant_status", "attr:children"], ["a", "KG-OWN-01", "internal", 3]]
    job = import_table(as_user(cast.mentor_a), cast, "participants", builders.workbook(("participants", rows)),
                       name="people.xlsx")
    assert job.status == ImportJob.Status.DONE, (job.error, job.problems)
    person = Participant.objects.get()
    assert person.code == "KG-OWN-01" and person.attributes == {"children": 3}


def test_a_code_already_taken_and_a_repeated_row_key_are_problems(cast, as_user):
    participant_create(actor=None, partnership=cast.a)
    taken = Participant.objects.get().code
    rows = [["row_key", "code"], ["1", taken], ["2", ""], ["2", ""]]
    job = import_table(as_user(cast.researcher_a), cast, "participants", table(rows))
    assert job.status == ImportJob.Status.CHECKED and job.error_count == 2
    assert {(p["row"], p["field"]) for p in job.problems} == {(2, "code"), (4, "row_key")}
    assert Participant.objects.count() == 1


def test_importing_the_same_table_again_skips_every_row(cast, as_user):
    client = as_user(cast.researcher_a)
    import_table(client, cast, "participants", table(PEOPLE))
    job = import_table(client, cast, "participants", table(PEOPLE))
    assert job.status == ImportJob.Status.DONE and job.counts["skipped"] == 2 and job.counts["participants"] == 0
    assert Participant.objects.count() == 2


def test_incidents_are_imported_with_their_victims_acts_and_labour_claim(cast, as_user):
    woman = participant_create(actor=None, partnership=cast.a)
    rows = [
        ["row_key", "title", "act_types", "perpetrator_type", "date", "country", "city", "narrative", "victims",
         "employer_type", "contract", "wages_owed", "currency", "hours_per_week", "documents_confiscated",
         "documents_confiscated_by", "status"],
        ["i1", "Garment workshop", "unpaid-wages; no-contract", "employer", "2023-05", "KG", "Bishkek",
         "Three months unpaid.", woman.code, "company", "oral", "18 000", "KGS", "72", "yes", "the owner",
         "likely"],
        ["i2", "", "Extortion or arbitrary detention by police", "police", "2022", "", "", "", "", "", "", "", "",
         "", "no", "", ""],
    ]
    job = import_table(as_user(cast.researcher_a), cast, "incidents", table(rows, delimiter=";"))
    assert job.status == ImportJob.Status.DONE, (job.error, job.problems)
    first = Incident.objects.get(external_id="i1")
    assert first.title == "Garment workshop" and first.date_precision == "month" and first.status == "likely"
    assert sorted(a.act_type.code for a in first.acts.all()) == ["no-contract", "unpaid-wages"]
    assert list(first.acts.first().victims.all()) == [woman]
    claim = first.labour_claim
    assert claim.wages_owed == 18000 and claim.hours_per_week == 72 and claim.contract == "oral"
    assert claim.documents_confiscated and claim.documents_confiscated_by == "the owner"
    second = Incident.objects.get(external_id="i2")
    assert second.acts.get().act_type.code == "police-abuse"
    assert second.title == "Extortion or arbitrary detention by police"
    assert not LabourClaim.objects.filter(incident=second).exists()


def test_an_unknown_victim_code_or_act_type_is_reported(cast, as_user):
    rows = [["row_key", "act_types", "victims"], ["1", "unpaid-wages", "KG-NOBODY-9"], ["2", "dancing", ""]]
    job = import_table(as_user(cast.researcher_a), cast, "incidents", table(rows))
    found = {(p["row"], p["field"]) for p in job.problems}
    assert found == {(2, "victims"), (3, "act_types")} and not Incident.objects.exists()


def test_another_partnerships_team_cannot_import_into_a(cast, as_user):
    for user in (cast.researcher_b, cast.coordinator, cast.coresearcher_a, cast.viewer):
        client = as_user(user)
        response = client.post(reverse("imports:table_import", args=[cast.a.pk, "participants"]),
                               {"file": SimpleUploadedFile("t.csv", table(PEOPLE))})
        assert response.status_code == 404
        assert client.get(reverse("imports:table_template", args=[cast.a.pk, "participants", "csv"])).status_code \
            == 404
    assert not ImportJob.objects.exists() and not Participant.objects.exists()
