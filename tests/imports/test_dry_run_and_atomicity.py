"""The dry run lists every problem with its row, submission and field and writes nothing; the real run is all
or nothing: one bad row in the middle of the file, or a failure while writing, and nothing is written."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import ConsentRecord, Incident, Participant, Source
from ovoz.imports.models import ImportJob
from ovoz.imports.services import import_job_check, import_job_create, import_job_run, import_job_start
from tests.imports import builders


def make_job(survey, submissions):
    return import_job_create(actor=survey.researcher_a, partnership=survey.a, kind="submissions",
                             content=builders.kobo_json(submissions), name="export.json", mapping=survey.mapping,
                             version=survey.version)


def nothing_written():
    return not (Participant.objects.exists() or Source.objects.exists() or Incident.objects.exists()
                or ConsentRecord.objects.exists()
                or AuditEntry.objects.filter(action__in=["participant.create", "source.create"]).exists())


def problems_by_field(job):
    return {(p["row"], p["field"]): p for p in job.problems}


def test_each_problem_is_reported_with_its_row_submission_and_field(survey):
    subs = [builders.submission(f"ok-{i}") for i in range(5)]
    subs[1]["respondent/migrant_status"] = "martian"  # unknown choice
    subs[2]["incidents"][0]["incidents/incident_date"] = "31/02/2023"  # not a date
    subs[3]["incidents"][0]["incidents/act_types"] = ""  # required, missing
    subs[4]["_uuid"] = subs[0]["_uuid"]  # duplicate
    subs.append(builders.submission("no-currency", incidents=[{"act_types": "unpaid", "wages": "5000"}]))
    subs.append(builders.submission("future", incidents=[{"act_types": "unpaid", "incident_date": "2099-01-01"}]))
    subs.append({k: v for k, v in builders.submission("no-id").items() if k not in ("_uuid", "meta/instanceID")})
    job = make_job(survey, subs)
    import_job_check(job=job)
    assert job.status == ImportJob.Status.CHECKED and job.error_count == 7 and job.problem_count == 7
    found = problems_by_field(job)
    assert "martian" in found[(2, "respondent/migrant_status")]["message"]
    assert found[(2, "respondent/migrant_status")]["submission"] == "ok-1"
    assert "not a date" in found[(3, "incidents/incident_date #1")]["message"]
    assert "Required" in found[(4, "incidents/act_types #1")]["message"]
    assert "Duplicate" in found[(5, "_uuid")]["message"] and "row 1" in found[(5, "_uuid")]["message"]
    assert "currency" in found[(6, "incidents/currency #1")]["message"]
    assert "future" in found[(7, "incidents/incident_date #1")]["message"]
    assert "No submission ID" in found[(8, "_uuid")]["message"]
    assert job.counts["participants"] == 1  # only the first submission is clean
    assert not job.can_run
    assert nothing_written()


def test_the_job_page_lists_the_problems_and_offers_no_import(survey, as_user):
    subs = [builders.submission("a"), builders.submission("b", status="martian")]
    job = make_job(survey, subs)
    import_job_check(job=job)
    page = as_user(survey.researcher_a).get(reverse("imports:job_detail", args=[job.pk])).content.decode()
    assert "respondent/\u200bmigrant_status" in page and "martian" in page and "Import now" not in page
    assert "Nothing can be imported until every problem below is fixed" in page


def test_warnings_do_not_stop_the_import(survey):
    job = make_job(survey, [builders.submission("no-consent", consent="")])
    import_job_check(job=job)
    assert job.error_count == 0 and job.problem_count == 1 and job.problems[0]["level"] == "warning"
    assert job.can_run


def test_a_bad_row_in_the_middle_means_nothing_is_written(survey, as_user):
    subs = [builders.submission(f"s-{i}") for i in range(6)]
    subs[3]["respondent/region"] = "osh"
    job = make_job(survey, subs)
    import_job_check(job=job)
    assert job.can_run
    # Between the check and the import, a term that row 4 uses is retired by the coordinator.
    from ovoz.evidence.models import Term

    Term.objects.filter(vocabulary="region", code="kg-osh-region").update(is_active=False)
    job = import_job_start(actor=survey.researcher_a, job=job)
    import_job_run(actor=survey.researcher_a, job=job)
    assert job.status == ImportJob.Status.FAILED and "nothing was imported" in job.error
    assert job.problems[0]["row"] == 4 and job.problems[0]["field"] == "respondent/region"
    assert nothing_written()
    assert AuditEntry.objects.filter(action="import.run", object_id=str(job.pk)).count() == 1


def test_a_failure_while_writing_rolls_everything_back(survey, monkeypatch):
    from ovoz.imports import write

    def broken(self):
        raise IntegrityError("simulated failure after the participants were written")

    monkeypatch.setattr(write.Writer, "_incidents", broken)
    job = make_job(survey, [builders.submission(f"w-{i}") for i in range(4)])
    import_job_check(job=job)
    job = import_job_start(actor=survey.researcher_a, job=job)
    with pytest.raises(IntegrityError):
        import_job_run(actor=survey.researcher_a, job=job)
    assert nothing_written()


def test_the_runner_marks_a_job_failed_when_writing_breaks(survey, monkeypatch, as_user):
    from ovoz.imports import write

    monkeypatch.setattr(write.Writer, "_sources", lambda self: (_ for _ in ()).throw(IntegrityError("boom")))
    client = as_user(survey.researcher_a)
    job = make_job(survey, [builders.submission("r-1")])
    import_job_check(job=job)
    client.post(reverse("imports:job_run", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and "nothing was written" in job.error
    assert nothing_written()


def test_an_import_cannot_be_started_twice(survey, as_user):
    client = as_user(survey.researcher_a)
    job = make_job(survey, [builders.submission("once")])
    import_job_check(job=job)
    client.post(reverse("imports:job_run", args=[job.pk]))
    response = client.post(reverse("imports:job_run", args=[job.pk]), follow=True)
    assert "cannot be started" in response.content.decode()
    assert Participant.objects.count() == 1
