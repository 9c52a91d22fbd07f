"""The import pages: the partnership's imports, mappings made and edited on the web, and 404 for anyone outside
the partnership's team on every page that shows or changes its imports."""

import json

from django.urls import reverse

from ovoz.audit.models import AuditEntry
from ovoz.imports.models import ImportJob, Mapping
from ovoz.imports.services import import_job_check, import_job_create
from tests.imports import builders


def test_the_partnership_page_lists_instruments_and_jobs_in_few_queries(survey, as_user,
                                                                         django_assert_max_num_queries):
    for i in range(12):
        job = import_job_create(actor=survey.researcher_a, partnership=survey.a, kind="submissions",
                                content=builders.kobo_json([builders.submission(f"j-{i}")]), name=f"e{i}.json",
                                mapping=survey.mapping, version=survey.version)
        import_job_check(job=job)
    client = as_user(survey.researcher_a)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("imports:partnership", args=[survey.a.pk]))
    text = page.content.decode()
    assert page.status_code == 200 and "Women migrants survey" in text and "e11.json" in text
    assert "Page 1 of 1" not in text


def test_a_first_mapping_is_suggested_from_the_form(survey, as_user):
    page = as_user(survey.researcher_a).get(reverse("imports:mapping_create", args=[survey.instrument.pk]))
    text = page.content.decode()
    assert "respondent/migrant_status" in text and "incidents/act_types" in text and "&quot;repeat&quot;" in text


def test_a_mapping_with_mistakes_is_not_saved_and_the_mistakes_are_listed(survey, as_user):
    client = as_user(survey.researcher_a)
    url = reverse("imports:mapping_create", args=[survey.instrument.pk])
    bad_json = client.post(url, {"name": "x", "spec": "{nope"})
    assert bad_json.status_code == 400 and "not valid JSON (line 1, column 2" in bad_json.content.decode()
    spec = {"participant": {"migrant_status": "no_such_question", "shoe_size": "x"},
            "incidents": {"repeat": "nowhere", "date": "incidents/incident_date"}}
    text = client.post(url, {"name": "x", "spec": json.dumps(spec)}).content.decode()
    assert "has no field “shoe_size”" in text and "act_types is required" in text
    spec = {"participant": {"migrant_status": "no_such_question"}}
    text = client.post(url, {"name": "x", "spec": json.dumps(spec)}).content.decode()
    assert "the form has no question “no_such_question”" in text
    assert Mapping.objects.count() == 1  # only the fixture's


def test_a_mapping_is_edited_audited_and_downloaded_for_the_command_line(survey, as_user):
    client = as_user(survey.mentor_a)
    spec = {**builders.MAPPING, "source": {"language": {"value": "ky"}, "transcript": ["story"]}}
    response = client.post(reverse("imports:mapping_edit", args=[survey.mapping.pk]),
                           {"name": "Kyrgyz interviews", "spec": json.dumps(spec)})
    assert response.status_code == 302
    survey.mapping.refresh_from_db()
    assert survey.mapping.name == "Kyrgyz interviews" and survey.mapping.spec["source"]["language"]["value"] == "ky"
    assert AuditEntry.objects.filter(action="mapping.update", object_id=str(survey.mapping.pk)).exists()
    download = client.get(reverse("imports:mapping_download", args=[survey.mapping.pk]))
    assert json.loads(download.content) == spec


def test_a_job_keeps_the_mapping_it_was_checked_with(survey, as_user):
    job = import_job_create(actor=survey.researcher_a, partnership=survey.a, kind="submissions",
                            content=builders.kobo_json([builders.submission("k-1")]), name="e.json",
                            mapping=survey.mapping, version=survey.version)
    survey.mapping.spec = {"participant": {}}
    survey.mapping.save()
    assert job.spec == builders.MAPPING


def test_every_import_page_of_a_answers_404_outside_its_team(survey, as_user):
    job = import_job_create(actor=survey.researcher_a, partnership=survey.a, kind="submissions",
                            content=builders.kobo_json([builders.submission("z-1")]), name="e.json",
                            mapping=survey.mapping, version=survey.version)
    import_job_check(job=job)
    pages = [
        ("get", reverse("imports:partnership", args=[survey.a.pk])),
        ("get", reverse("imports:job_detail", args=[job.pk])),
        ("get", reverse("imports:job_progress", args=[job.pk])),
        ("post", reverse("imports:job_run", args=[job.pk])),
        ("get", reverse("imports:mapping_edit", args=[survey.mapping.pk])),
        ("post", reverse("imports:mapping_edit", args=[survey.mapping.pk])),
        ("get", reverse("imports:mapping_download", args=[survey.mapping.pk])),
        ("post", reverse("imports:mapping_create", args=[survey.instrument.pk])),
        ("post", reverse("imports:submissions_import", args=[survey.instrument.pk])),
    ]
    for user in (survey.researcher_b, survey.coordinator, survey.coresearcher_a, survey.viewer, survey.outsider):
        client = as_user(user)
        for method, url in pages:
            assert getattr(client, method)(url).status_code == 404, (user.username, method, url)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED


def test_the_index_takes_a_one_partnership_researcher_straight_to_her_imports(survey, as_user):
    response = as_user(survey.researcher_a).get(reverse("imports:index"))
    assert response.status_code == 302 and response["Location"] == reverse("imports:partnership",
                                                                           args=[survey.a.pk])
    page = as_user(survey.coordinator).get(reverse("imports:index"))
    assert page.status_code == 200 and "You have no such role" in page.content.decode()
