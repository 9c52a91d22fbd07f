"""The participant evaluation: topics set by the coordinator, one anonymous answer per person who attended,
changeable until closed; the report shows averages, the change and unnamed comments — never one person's answers."""

import pytest
from django.core.exceptions import ValidationError

from ovoz.audit.models import AuditEntry
from ovoz.events.models import EvaluationResponse, EvaluationScore
from ovoz.events.results import evaluation_summary
from ovoz.events.services import evaluation_close, evaluation_open, evaluation_submit, evaluation_topics_set
from tests.events.conftest import attended


def topics_form(titles, ids=()):
    data = {"rows-TOTAL_FORMS": str(len(titles)), "rows-INITIAL_FORMS": str(len(ids)), "rows-MIN_NUM_FORMS": "0",
            "rows-MAX_NUM_FORMS": "1000"}
    for i, title in enumerate(titles):
        data[f"rows-{i}-title"] = title
        if i < len(ids):
            data[f"rows-{i}-id"] = str(ids[i])
    return data


def answers_form(topics, ratings, comment=""):
    data = {"comment": comment}
    for topic, (before, after) in zip(topics, ratings, strict=True):
        data[f"before_{topic.pk}"] = str(before)
        data[f"after_{topic.pk}"] = str(after)
    return data


@pytest.fixture
def open_evaluation(cast, event):
    """Three participants came (A's mentor and researcher, B's researcher); two topics; the evaluation is open."""
    attended(cast, event, cast.mentor_a, cast.researcher_a, cast.researcher_b)
    topics = evaluation_topics_set(
        actor=cast.coordinator, event=event, topics=[{"title": "FPAR methodology"}, {"title": "UN treaty bodies"}]
    )
    evaluation_open(actor=cast.coordinator, event=event)
    event.refresh_from_db()
    return event, topics


def test_the_coordinator_sets_topics_and_opens_the_evaluation(cast, as_user, event):
    client = as_user(cast.coordinator)
    response = client.post(f"/events/{event.pk}/evaluation/state/", {"action": "open"}, follow=True)
    assert "Add at least one topic" in response.content.decode()
    client.post(f"/events/{event.pk}/evaluation/topics/", topics_form(["FPAR methodology", "Theory of Change"]))
    assert [t.title for t in event.topics.all()] == ["FPAR methodology", "Theory of Change"]
    client.post(f"/events/{event.pk}/evaluation/state/", {"action": "open"})
    event.refresh_from_db()
    assert event.evaluation_state == "open"
    assert AuditEntry.objects.filter(action="evaluation.open").exists()


def test_duplicate_topics_are_refused(cast, as_user, event):
    response = as_user(cast.coordinator).post(
        f"/events/{event.pk}/evaluation/topics/", topics_form(["Theory of Change", "theory of change"])
    )
    assert "same title" in response.content.decode()
    assert not event.topics.exists()


def test_a_participant_who_attended_answers_once_and_may_change_her_answers(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    client = as_user(cast.researcher_a)
    page = client.get(f"/events/{event.pk}/evaluation/").content.decode()
    assert "FPAR methodology" in page and "Before the event" in page
    response = client.post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(2, 4), (1, 3)], "Useful"))
    assert response.status_code == 302
    client.post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(2, 5), (1, 3)], "Very useful"))
    assert EvaluationResponse.objects.count() == 1
    response = EvaluationResponse.objects.get()
    assert response.comment == "Very useful"
    assert sorted(response.scores.values_list("before", "after")) == [(1, 3), (2, 5)]
    assert [e.action for e in AuditEntry.objects.filter(action__startswith="evaluation.s").order_by("pk")] == [
        "evaluation.submit"
    ]
    assert AuditEntry.objects.filter(action="evaluation.change").count() == 1
    # Her form shows her own answers back.
    page = client.get(f"/events/{event.pk}/evaluation/").content.decode()
    assert "Very useful" in page and "Save my changes" in page


def test_the_answer_names_nobody_and_the_audit_records_who_answered_but_never_what(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    as_user(cast.researcher_a).post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(2, 4), (1, 3)], "Mine"))
    response = EvaluationResponse.objects.get()
    field_names = {f.name for f in EvaluationResponse._meta.get_fields()}
    assert not field_names & {"user", "respondent", "created_at", "submitted_at"}
    assert str(cast.researcher_a.pk) not in response.respondent_key
    entry = AuditEntry.objects.get(action="evaluation.submit")
    assert entry.actor == cast.researcher_a and entry.object_type == "events.event"
    assert entry.changes == {} and str(response.pk) not in str(entry.__dict__)


def test_only_those_who_attended_may_answer(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    for person in (cast.coresearcher_a, cast.coordinator, cast.viewer, cast.outsider):
        client = as_user(person)
        assert client.get(f"/events/{event.pk}/evaluation/").status_code == 404
        assert client.post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(1, 2), (1, 2)])).status_code \
            == 404
    with pytest.raises(ValidationError):
        evaluation_submit(actor=cast.coresearcher_a, event=event, answers={t.pk: (1, 2) for t in topics})
    assert not EvaluationResponse.objects.exists()


def test_every_topic_must_be_rated_from_one_to_five(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    client = as_user(cast.researcher_a)
    response = client.post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(0, 6), (2, 3)]))
    assert response.status_code == 200
    data = answers_form(topics, [(2, 3), (2, 3)])
    del data[f"after_{topics[1].pk}"]
    assert client.post(f"/events/{event.pk}/evaluation/", data).status_code == 200
    assert not EvaluationResponse.objects.exists()
    with pytest.raises(ValidationError):
        evaluation_submit(actor=cast.researcher_a, event=event, answers={topics[0].pk: (2, 3)})


def test_once_closed_answers_can_no_longer_be_given_or_changed(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    client = as_user(cast.researcher_a)
    client.post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(2, 4), (1, 3)], "First"))
    evaluation_close(actor=cast.coordinator, event=event)
    response = client.post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(5, 5), (5, 5)], "Changed"))
    assert "The evaluation is closed" in response.content.decode()
    assert EvaluationResponse.objects.get().comment == "First"
    assert sorted(EvaluationScore.objects.values_list("before", flat=True)) == [1, 2]
    assert as_user(cast.researcher_b).post(
        f"/events/{event.pk}/evaluation/", answers_form(topics, [(1, 1), (1, 1)])
    ).status_code == 200
    assert EvaluationResponse.objects.count() == 1


def test_researcher_b_neither_sees_nor_changes_partnership_as_answers(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    as_user(cast.researcher_a).post(
        f"/events/{event.pk}/evaluation/", answers_form(topics, [(2, 4), (1, 3)], "A's private remark")
    )
    client = as_user(cast.researcher_b)
    page = client.get(f"/events/{event.pk}/evaluation/").content.decode()
    assert "A's private remark" not in page and "checked" not in page
    client.post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(5, 5), (5, 5)], "B's remark"))
    assert EvaluationResponse.objects.count() == 2
    a_scores = EvaluationScore.objects.exclude(before=5)
    assert sorted(a_scores.values_list("before", "after")) == [(1, 3), (2, 4)]
    # The report does not show her answers either: only one or two answers is below the threshold.
    report = client.get(f"/events/{event.pk}/report/").content.decode()
    assert "A's private remark" not in report and "Results are shown once at least 3" in report


def test_averages_before_and_after_and_the_change_are_arithmetic_means(cast, open_evaluation):
    event, topics = open_evaluation
    method, treaty = topics
    evaluation_submit(actor=cast.mentor_a, event=event, answers={method.pk: (2, 4), treaty.pk: (1, 2)})
    evaluation_submit(actor=cast.researcher_a, event=event, answers={method.pk: (3, 5), treaty.pk: (1, 4)})
    evaluation_submit(actor=cast.researcher_b, event=event, answers={method.pk: (4, 4), treaty.pk: (2, 2)})
    summary = evaluation_summary(event)
    assert summary.responses == 3 and not summary.hidden
    first, second = summary.topics
    assert (first.title, first.responses, first.before, round(first.after, 2), first.change) == (
        "FPAR methodology", 3, 3.0, 4.33, 1.33)
    assert (second.before, round(second.after, 2), second.change) == (pytest.approx(4 / 3), 2.67, 1.33)


def test_the_report_is_anonymous_with_comments_but_no_names(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    for person, ratings, comment in (
        (cast.mentor_a, [(2, 4), (1, 2)], "Zeal for the methodology"),
        (cast.researcher_a, [(3, 5), (1, 4)], "Another remark"),
        (cast.researcher_b, [(4, 4), (2, 2)], ""),
    ):
        as_user(person).post(f"/events/{event.pk}/evaluation/", answers_form(topics, ratings, comment))
    for viewer in (cast.coordinator, cast.researcher_b):
        report = as_user(viewer).get(f"/events/{event.pk}/report/").content.decode()
        assert "3 participants answered." in report
        assert "4.33" in report and "+1.33" in report
        comments = report[report.index('<ul class="comments">'):]
        comments = comments[: comments.index("</ul>")]
        assert comments.index("Another remark") < comments.index("Zeal for the methodology")
        for name in ("Mentor of A", "Researcher of A", "Researcher of B", "mentor_a", "researcher_a"):
            assert name not in comments


def test_nobody_can_read_one_persons_answers_through_any_page(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    as_user(cast.researcher_a).post(f"/events/{event.pk}/evaluation/", answers_form(topics, [(1, 5), (1, 5)], "Mine"))
    for person in (cast.coordinator, cast.mentor_a, cast.researcher_b, cast.coresearcher_a):
        client = as_user(person)
        for url in (f"/events/{event.pk}/", f"/events/{event.pk}/report/", f"/events/{event.pk}/evaluation/topics/"):
            response = client.get(url)
            if response.status_code == 200:
                body = response.content.decode()
                assert "Mine" not in body and "5.00" not in body, (person, url)


def test_a_topic_with_answers_cannot_be_removed(cast, as_user, open_evaluation):
    event, topics = open_evaluation
    evaluation_submit(actor=cast.researcher_a, event=event, answers={t.pk: (2, 3) for t in topics})
    response = as_user(cast.coordinator).post(
        f"/events/{event.pk}/evaluation/topics/", topics_form(["FPAR methodology"], ids=[topics[0].pk])
    )
    assert "already has answers" in response.content.decode()
    assert event.topics.count() == 2
