"""ODK Central's "CSV zip": the form's table and one table per repeat group, linked by KEY and PARENT_KEY, imported
from the web and the command line with the same dry run, single transaction and re-import by UUID as the other
exports; a zip with missing, unknown or unreadable files, or that unpacks too large, is refused with the reason.

The fixture ``fixtures/migrant_survey_central.zip`` is made by hand after Central's layout: migrant_survey.csv
(three fictional submissions), migrant_survey-incidents.csv (three items, for the first and third), a nested
repeat migrant_survey-witnesses.csv (left aside: no mapping reaches it) and a media/ folder (left aside)."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from ovoz.evidence.models import Incident, LabourClaim, Participant, Source
from ovoz.imports import csvzip
from ovoz.imports.files import format_of, read_submissions
from ovoz.imports.models import ImportJob
from ovoz.imports.services import import_job_check, import_job_create, import_job_run, import_job_start

FIXTURE = Path(__file__).parent / "fixtures" / "migrant_survey_central.zip"


def members() -> dict[str, bytes]:
    with zipfile.ZipFile(FIXTURE) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def check(survey, content, name="migrant_survey.zip"):
    job = import_job_create(actor=survey.researcher_a, partnership=survey.a, kind="submissions", content=content,
                            name=name, mapping=survey.mapping, version=survey.version)
    import_job_check(job=job)
    return job


def run(survey, job):
    job = import_job_start(actor=survey.researcher_a, job=job)
    import_job_run(actor=survey.researcher_a, job=job)
    job.refresh_from_db()
    return job


def nothing_written():
    return not Participant.objects.exists() and not Source.objects.exists() and not Incident.objects.exists()


# --- reading -----------------------------------------------------------------------------------------------------


def test_the_zip_is_told_from_a_workbook_and_its_repeat_items_join_their_submissions():
    content = FIXTURE.read_bytes()
    assert format_of(content) == "zip"
    data = read_submissions(content)
    assert [s.uuid for s in data.submissions] == ["odk-0001", "odk-0002", "odk-0003"]
    first, second, third = data.submissions
    assert [i["incidents/act_types"] for i in first.repeats["incidents"]] == ["unpaid docs", "nocontract"]
    assert not second.repeats and len(third.repeats["incidents"]) == 1
    assert data.repeat_path("incidents") == "incidents"
    assert data.repeat_path("section/incidents") == "incidents", "Central names the table after the repeat alone"


# --- importing ---------------------------------------------------------------------------------------------------


def test_a_central_zip_is_checked_then_imported_in_one_go_and_a_re_import_creates_nothing(survey):
    job = check(survey, FIXTURE.read_bytes())
    assert job.status == ImportJob.Status.CHECKED and job.error_count == 0, (job.error, job.problems)
    assert job.counts["participants"] == 3 and job.counts["incidents"] == 3 and job.counts["acts"] == 4
    assert nothing_written(), "the dry run writes nothing"
    job = run(survey, job)
    assert job.status == ImportJob.Status.DONE, job.error
    first = Participant.objects.get(external_id="odk-0001")
    assert first.migrant_status.code == "returned" and first.region_of_origin.code == "kg-chuy"
    assert first.consent_quotes and not first.consent_statistics
    assert Source.objects.get(external_id="odk-0002").transcript == "Что вам нужно?\nРабота рядом с домом, детский сад."
    year = Incident.objects.get(external_id="odk-0001#2")
    assert year.date_precision == "year" and str(year.date) == "2023-01-01"
    assert set(Incident.objects.get(external_id="odk-0001#1").acts.values_list("act_type__code", flat=True)) == {
        "unpaid-wages", "confiscated-documents"}
    assert LabourClaim.objects.get(incident__external_id="odk-0003#1").currency == "RUB"

    again = check(survey, FIXTURE.read_bytes())
    assert again.counts["skipped"] == 3 and again.counts["participants"] == 0
    run(survey, again)
    assert Participant.objects.count() == 3 and Incident.objects.count() == 3


def test_repeat_columns_named_with_their_group_are_found_too(survey):
    files = members()
    files["migrant_survey-incidents.csv"] = files["migrant_survey-incidents.csv"].replace(
        b"act_types,incident_date,narrative,wages,currency",
        b"incidents-act_types,incidents-incident_date,incidents-narrative,incidents-wages,incidents-currency")
    job = check(survey, rezip(files))
    assert job.error_count == 0 and job.counts["acts"] == 4 and job.counts["labour_claims"] == 2, job.problems


def test_a_repeat_table_without_a_mapped_column_is_a_problem(survey):
    files = members()
    files["migrant_survey-incidents.csv"] = files["migrant_survey-incidents.csv"].replace(b"incident_date,", b"when,")
    job = check(survey, rezip(files))
    assert job.error_count == 1 and "incidents/incident_date" in job.problems[0]["field"] and nothing_written()


def test_the_web_upload_takes_the_zip(survey, as_user):
    client = as_user(survey.researcher_a)
    response = client.post(reverse("imports:submissions_import", args=[survey.instrument.pk]), {
        "mapping": survey.mapping.pk, "version": survey.version.pk,
        "file": SimpleUploadedFile("migrant_survey.zip", FIXTURE.read_bytes(), content_type="application/zip")})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CHECKED and job.counts["incidents"] == 3
    page = client.get(response["Location"]).content.decode()
    assert "Import now" in page and nothing_written()


def test_the_command_line_takes_the_zip_or_the_tables_one_by_one(survey, tmp_path):
    zipped = tmp_path / "migrant_survey.zip"
    zipped.write_bytes(FIXTURE.read_bytes())
    out = io.StringIO()
    call_command("import", "odk", str(zipped), "--mapping", str(survey.mapping.pk), "--partnership",
                 str(survey.a.pk), "--dry-run", stdout=out, stderr=io.StringIO())
    assert "Dry run: nothing was written." in out.getvalue() and nothing_written()

    files = members()
    paths = []
    for name in ("migrant_survey.csv", "migrant_survey-incidents.csv"):
        (tmp_path / name).write_bytes(files[name])
        paths.append(str(tmp_path / name))
    out = io.StringIO()
    call_command("import", "odk", paths[0], "--repeat", paths[1], "--mapping", str(survey.mapping.pk),
                 "--partnership", str(survey.a.pk), stdout=out, stderr=io.StringIO())
    assert "Imported" in out.getvalue()
    assert Participant.objects.count() == 3 and Incident.objects.count() == 3
    with pytest.raises(CommandError, match="every file is a CSV"):
        call_command("import", "odk", paths[0], "--repeat", str(zipped), "--mapping", str(survey.mapping.pk),
                     "--partnership", str(survey.a.pk), stdout=io.StringIO(), stderr=io.StringIO())


# --- refusing ----------------------------------------------------------------------------------------------------


def failed(survey, content) -> str:
    job = check(survey, content)
    assert job.status == ImportJob.Status.FAILED, job.problems
    assert nothing_written() and not job.file
    return job.error


def test_a_file_that_is_not_a_table_is_named(survey):
    files = members() | {"notes.txt": b"interviewer's notes"}
    assert "“notes.txt”, which is not a CSV table" in failed(survey, rezip(files))


def test_a_zip_of_repeat_tables_alone_is_refused(survey):
    files = {k: v for k, v in members().items() if k != "migrant_survey.csv"}
    assert "no main table" in failed(survey, rezip(files))


def test_two_forms_in_one_zip_are_refused(survey):
    files = members() | {"other_form.csv": b"KEY,answer\nuuid:x,1\n"}
    error = failed(survey, rezip(files))
    assert "several main tables" in error and "other_form.csv" in error


def test_a_table_not_named_after_the_form_is_refused(survey):
    files = members()
    files["incidents.csv"] = files.pop("migrant_survey-incidents.csv")
    assert "incidents.csv is not a repeat group of the form migrant_survey" in failed(survey, rezip(files))


def test_items_whose_submission_is_missing_are_refused_with_their_row(survey):
    files = members()
    files["migrant_survey-incidents.csv"] += b"unpaid,2024-02-01,,,,uuid:elsewhere,uuid:elsewhere/incidents[1],\n"
    error = failed(survey, rezip(files))
    assert "Row 5 of migrant_survey-incidents.csv belongs to uuid:elsewhere" in error


def test_a_missing_repeat_table_is_a_problem_of_the_mapping(survey):
    files = {k: v for k, v in members().items() if "incidents" not in k and "witnesses" not in k}
    job = check(survey, rezip(files))
    assert job.status == ImportJob.Status.CHECKED and job.error_count == 1
    assert "FORM-incidents.csv" in job.problems[0]["message"] and nothing_written()


def test_a_table_in_an_unreadable_encoding_is_named(survey):
    files = members()
    files["migrant_survey-incidents.csv"] = ("act_types,narrative,PARENT_KEY,KEY\n"
                                             "unpaid,Ça coûte très cher,uuid:odk-0001,uuid:odk-0001/x[1]\n"
                                             ).encode("latin-1")
    error = failed(survey, rezip(files))
    assert error.startswith("migrant_survey-incidents.csv: The file is not in UTF-8")


def test_a_zip_unpacking_beyond_the_limit_is_refused_before_it_is_unpacked(survey, monkeypatch):
    monkeypatch.setattr(csvzip, "MAX_UNPACKED", 10_000)
    files = members() | {"migrant_survey-padding.csv": b"PARENT_KEY,KEY\n" + b" " * 50_000}
    content = rezip(files)
    assert len(content) < 5_000, "it packs small: only the declared sizes give it away"
    read = []
    monkeypatch.setattr(csvzip, "_read", lambda *args: read.append(args) or b"")
    assert "unpacks to" in failed(survey, content) and not read


def test_a_member_larger_than_it_declares_is_cut_off(monkeypatch):
    monkeypatch.setattr(csvzip, "MAX_UNPACKED", 2_000)
    with zipfile.ZipFile(FIXTURE) as archive:
        info = archive.getinfo("migrant_survey.csv")
        with pytest.raises(csvzip.ImportFileError, match="more than it declares"):
            csvzip._read(archive, info, 100)


def test_a_damaged_zip_is_refused(survey):
    assert "damaged" in failed(survey, FIXTURE.read_bytes()[:700])
