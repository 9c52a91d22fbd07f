"""/api/v1/imports: import jobs (status, progress, counts, problems) and survey instruments, for the team of the
partnership only."""

import pytest

from ovoz.imports.models import ImportJob
from ovoz.imports.services import import_job_check, import_job_create
from tests.api.conftest import ids
from tests.imports import builders
from tests.imports.conftest import make_survey


@pytest.fixture
def survey(cast, settings):
    settings.OVOZ_IMPORTS_INLINE = True
    return make_survey(cast)


def make_job(cast, subs):
    job = import_job_create(actor=cast.researcher_a, partnership=cast.a, kind="submissions",
                            content=builders.kobo_json(subs), name="export.json", mapping=cast.mapping,
                            version=cast.version)
    import_job_check(job=job)
    return job


def test_the_team_lists_its_import_jobs_with_status_progress_and_counts(survey, api_as):
    job = make_job(survey, [builders.submission("api-1")])
    response = api_as(survey.mentor_a).get("/imports/jobs")
    assert response.status_code == 200 and ids(response) == [job.pk]
    item = response.json()["items"][0]
    assert item["status"] == "checked" and item["kind"] == "submissions" and item["file_name"] == "export.json"
    assert item["progress"]["percent"] == 100 and item["counts"]["participants"] == 1
    assert item["instrument_id"] == survey.instrument.pk and item["instrument_version"] == 1
    assert item["error_count"] == 0


def test_filters_and_the_detail_with_problems(survey, api_as):
    good = make_job(survey, [builders.submission("api-1")])
    bad = make_job(survey, [builders.submission("api-2", status="martian")])
    client = api_as(survey.researcher_a)
    assert ids(client.get("/imports/jobs", {"status": "checked", "partnership_id": survey.a.pk})) == [bad.pk, good.pk]
    assert ids(client.get("/imports/jobs", {"kind": "participants"})) == []
    detail = client.get(f"/imports/jobs/{bad.pk}").json()
    assert detail["error_count"] == 1 and detail["problems"][0]["field"] == "respondent/migrant_status"
    assert detail["problems"][0]["row"] == 1 and detail["problems"][0]["submission"] == "api-2"


def test_nobody_outside_the_team_sees_the_jobs(survey, api_as, api_anonymous):
    job = make_job(survey, [builders.submission("api-1")])
    for user in (survey.researcher_b, survey.coordinator, survey.coresearcher_a, survey.viewer, survey.outsider):
        client = api_as(user)
        assert client.get("/imports/jobs").json() == {"items": [], "count": 0}
        assert client.get(f"/imports/jobs/{job.pk}").status_code == 404
        assert client.get("/imports/instruments").json()["count"] == 0
    assert api_anonymous.get("/imports/jobs").status_code == 401
    assert ImportJob.objects.count() == 1


def test_instruments_are_listed_with_their_versions(survey, api_as):
    response = api_as(survey.researcher_a).get("/imports/instruments")
    item = response.json()["items"][0]
    assert item["form_id"] == "migrant_survey" and item["versions"][0]["number"] == 1
    assert item["versions"][0]["languages"] == ["English (en)", "Russian (ru)"]
