"""Exports as tables: KoBoToolbox CSV (group/question headers, ';' separated, select_multiple spaced or split
into columns), ODK Central CSV ('-' between group and question, the UUID in KEY), Windows-1251 CSV, and
KoBoToolbox's XLSX export whose repeat groups are sheets of their own."""

import csv
import io

from ovoz.evidence.models import Incident, Participant, Source
from ovoz.imports.models import ImportJob
from ovoz.imports.services import import_job_check, import_job_create, import_job_run, import_job_start, mapping_create
from tests.imports import builders

TABLE_MAPPING = {
    "participant": {k: v for k, v in builders.MAPPING["participant"].items()},
    "source": {"language": {"value": "ru"}, "transcript": ["story"]},
}


def run(survey, content, name, mapping=None):
    mapping = mapping or mapping_create(actor=survey.researcher_a, partnership=survey.a,
                                        instrument=survey.instrument, name="Tables", spec=TABLE_MAPPING)
    job = import_job_create(actor=survey.researcher_a, partnership=survey.a, kind="submissions", content=content,
                            name=name, mapping=mapping, version=survey.version)
    import_job_check(job=job)
    if job.can_run:
        job = import_job_start(actor=survey.researcher_a, job=job)
        import_job_run(actor=survey.researcher_a, job=job)
    return job


def subs():
    return [builders.submission("c-1"), builders.submission("c-2", status="internal", consent="analysis")]


def test_a_kobo_csv_export_with_group_headers_is_imported(survey):
    job = run(survey, builders.kobo_csv(subs()), "export.csv")
    assert job.status == ImportJob.Status.DONE, (job.error, job.problems)
    first = Participant.objects.get(external_id="c-1")
    assert first.migrant_status.code == "returned" and first.consent_quotes and first.age_band == "30-39"
    second = Participant.objects.get(external_id="c-2")
    assert second.consent_analysis and not second.consent_quotes
    assert Source.objects.get(external_id="c-1").transcript == "Я работала на швейной фабрике."


def test_select_multiple_split_into_columns_is_read_as_the_chosen_options(survey):
    job = run(survey, builders.kobo_csv(subs(), split_select=True, delimiter=","), "export.csv")
    assert job.status == ImportJob.Status.DONE, job.problems
    assert Participant.objects.get(external_id="c-1").consent_statistics
    assert not Participant.objects.get(external_id="c-2").consent_statistics


def test_an_odk_central_csv_export_is_imported(survey):
    rows = []
    for sub in subs():
        row = {"SubmissionDate": "2024-05-06T10:22:33.123Z"}
        row.update({k.replace("/", "-"): v for k, v in sub.items() if not k.startswith("_") and not
                    isinstance(v, list) and k != "meta/instanceID"})
        row["meta-instanceID"] = f"uuid:{sub['_uuid']}"
        row["KEY"] = f"uuid:{sub['_uuid']}"
        rows.append(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    job = run(survey, out.getvalue().encode("utf-8"), "central.csv")
    assert job.status == ImportJob.Status.DONE, job.problems
    assert Participant.objects.get(external_id="c-1").region_of_origin.code == "kg-chuy"


def test_a_windows_1251_csv_is_recognised_and_read(survey):
    job = run(survey, builders.kobo_csv(subs(), encoding="cp1251"), "excel.csv")
    assert job.status == ImportJob.Status.DONE, (job.error, job.problems)
    assert Source.objects.get(external_id="c-2").transcript == "Я работала на швейной фабрике."


def test_a_csv_cannot_bring_repeat_groups_and_says_so(survey):
    job = run(survey, builders.kobo_csv(subs()), "export.csv", mapping=survey.mapping)
    assert job.status == ImportJob.Status.CHECKED and job.error_count == 1
    assert "repeat group" in job.problems[0]["message"] and "JSON or XLSX" in job.problems[0]["message"]
    assert not Participant.objects.exists()


def test_a_csv_of_another_form_is_refused_naming_the_missing_columns(survey):
    content = b"_uuid;name;answer\nx-1;a;b\n"
    job = run(survey, content, "other.csv")
    assert job.error_count >= 1 and "respondent/migrant_status" in job.problems[0]["field"]
    assert "no column" in job.problems[0]["message"]
    assert not Participant.objects.exists()


def test_kobo_xlsx_export_with_a_sheet_per_repeat_group_is_imported(survey):
    main = [["respondent/migrant_status", "respondent/age", "respondent/region", "respondent/destination", "consent",
             "story", "needs", "_uuid", "_submission_time", "_index"],
            ["returned", 41, "chuy", "Moscow", "analysis quotes", "История", "", "x-1", "2024-05-06T10:22:33", 1],
            ["internal", 19, "osh", "", "analysis", "", "Работа", "x-2", "2024-05-07T10:22:33", 2]]
    repeat = [["incidents/act_types", "incidents/incident_date", "incidents/wages", "incidents/currency",
               "_index", "_parent_index", "_parent_table_name"],
              ["unpaid docs", "2023-10-01", 12000, "KGS", 1, 1, "Women migrants survey"],
              ["nocontract", "2023", None, None, 2, 1, "Women migrants survey"],
              ["unpaid", "2024-01-20", 5000, "RUB", 3, 2, "Women migrants survey"]]
    content = builders.workbook(("Women migrants survey", main), ("incidents", repeat))
    job = run(survey, content, "export.xlsx", mapping=survey.mapping)
    assert job.status == ImportJob.Status.DONE, (job.error, job.problems)
    assert job.counts["incidents"] == 3 and job.counts["acts"] == 4 and job.counts["labour_claims"] == 2
    year = Incident.objects.get(external_id="x-1#2")
    assert year.date_precision == "year" and str(year.date) == "2023-01-01"
    assert Participant.objects.get(external_id="x-1").age_band == "40-49"
