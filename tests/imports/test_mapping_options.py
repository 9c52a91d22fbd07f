"""Mapping options: a respondent code that links a participant already registered, a respondent ID that finds
her again in a later export, one incident per submission only when a question says so, programme attributes,
constants and defaults."""

from ovoz.evidence.models import AttributeDefinition, Incident, Participant, Source
from ovoz.evidence.services.participants import participant_create
from ovoz.imports.services import import_job_check, import_job_create, import_job_run, import_job_start
from tests.imports import builders


def run(cast, subs, spec):
    job = import_job_create(actor=cast.researcher_a, partnership=cast.a, kind="submissions",
                            content=builders.kobo_json(subs), name="e.json", spec=spec)
    import_job_check(job=job)
    if job.can_run:
        job = import_job_start(actor=cast.researcher_a, job=job)
        import_job_run(actor=cast.researcher_a, job=job)
    return job


def test_a_code_links_the_participant_already_registered(cast):
    woman = participant_create(actor=None, partnership=cast.a)
    spec = {"participant": {"code": "respondent/code"}, "source": {"transcript": ["story"]},
            "incidents": {"repeat": "incidents", "act_types": {"field": "incidents/act_types",
                                                               "values": {"unpaid": "unpaid-wages"}}}}
    sub = builders.submission("link-1", **{"respondent/code": woman.code.lower()},
                              incidents=[{"act_types": "unpaid"}])
    job = run(cast, [sub], spec)
    assert job.status == "done", job.problems
    assert job.counts["participants"] == 0 and job.counts["participants_linked"] == 1
    assert Participant.objects.count() == 1
    assert list(Source.objects.get().participants.all()) == [woman]
    assert list(Incident.objects.get().acts.get().victims.all()) == [woman]


def test_a_respondent_id_finds_her_again_in_a_later_export(cast):
    spec = {"participant": {"external_id": "respondent/rid", "migrant_status": "respondent/migrant_status"},
            "source": {"transcript": ["story"]}}
    run(cast, [builders.submission("first-visit", **{"respondent/rid": "R-17"})], spec)
    job = run(cast, [builders.submission("second-visit", **{"respondent/rid": "R-17"})], spec)
    assert job.counts["participants"] == 0 and job.counts["participants_linked"] == 1 and job.counts["sources"] == 1
    woman = Participant.objects.get()
    assert woman.external_id == "R-17" and woman.sources.count() == 2


def test_the_same_new_respondent_twice_in_one_file_is_one_participant(cast):
    spec = {"participant": {"external_id": "respondent/rid"}, "source": {"transcript": ["story"]}}
    subs = [builders.submission(f"v-{i}", **{"respondent/rid": "R-9"}) for i in range(3)]
    job = run(cast, subs, spec)
    assert job.counts["participants"] == 1 and job.counts["sources"] == 3
    assert Participant.objects.get().sources.count() == 3


def test_one_incident_per_submission_only_when_the_question_says_so(cast):
    spec = {"incidents": {"only_if": {"field": "had_problem", "equals": ["yes"]},
                          "act_types": {"value": "unpaid-wages"}, "date": "problem_date",
                          "status": {"value": "possible"}, "country": {"value": "RU"}, "city": {"value": "Moscow"}}}
    subs = [builders.submission("y", incidents=[], had_problem="yes", problem_date="2023-09-01"),
            builders.submission("n", incidents=[], had_problem="no")]
    job = run(cast, subs, spec)
    assert job.status == "done" and job.counts["incidents"] == 1, job.problems
    incident = Incident.objects.get()
    assert incident.external_id == "y" and incident.status == "possible" and incident.country == "RU"
    assert incident.acts.get().act_type.code == "unpaid-wages" and incident.acts.get().victims.count() == 0


def test_programme_attributes_and_their_problems(cast):
    AttributeDefinition.objects.create(programme=cast.programme, key="children", label="Children", kind="number")
    AttributeDefinition.objects.create(programme=cast.programme, key="remits", label="Sends money", kind="yes_no")
    spec = {"participant": {"attributes": {"children": "kids", "remits": "remits"}}}
    job = run(cast, [builders.submission("a", kids="2", remits="да"),
                     builders.submission("b", kids="many", remits="yes")], spec)
    assert job.error_count == 1 and job.problems[0]["field"] == "kids" and job.problems[0]["row"] == 2
    job = run(cast, [builders.submission("a", kids="2", remits="да")], spec)
    assert Participant.objects.get().attributes == {"children": 2, "remits": True}


def test_an_unknown_attribute_is_a_problem(cast):
    job = run(cast, [builders.submission("a", kids="2")], {"participant": {"attributes": {"shoe_size": "kids"}}})
    assert job.error_count == 1 and "no attribute “shoe_size”" in job.problems[0]["message"]
