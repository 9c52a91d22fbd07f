"""Each eligibility rule, one by one: passed or failed, with its reason in words."""

import datetime

import pytest
from django.utils import timezone

from ovoz.calls import eligibility
from ovoz.calls.services import call_update
from tests.calls.conftest import submit


def results(application) -> dict:
    return {r.code: r for r in eligibility.check(application)}


def test_an_application_meeting_every_rule_is_eligible(call):
    application = submit(call)
    assert application.eligible is True
    assert all(r.passed for r in eligibility.check(application))
    assert [r.code for r in eligibility.check(application)] == list(eligibility.RULES)


@pytest.mark.parametrize(
    "women_led, migrant_led, passed",
    [(True, False, True), (False, True, True), (True, True, True), (False, False, False)],
)
def test_the_organisation_must_be_led_by_women_or_migrants(call, women_led, migrant_led, passed):
    application = submit(call, women_led=women_led, migrant_led=migrant_led)
    rule = results(application)["led_by"]
    assert rule.passed is passed
    assert application.eligible is passed
    if not passed:
        assert rule.reason == "The organisation says it is led neither by women nor by migrants."


def test_experience_needs_at_least_one_focus_area_of_the_call(call):
    application = submit(call, focus_areas=[])
    rule = results(application)["experience"]
    assert not rule.passed and rule.reason == "No focus area of the call was chosen."
    assert not application.eligible


def test_experience_needs_a_description(call):
    application = submit(call, experience="   ")
    rule = results(application)["experience"]
    assert not rule.passed and "not described" in rule.reason


def test_experience_in_two_focus_areas_is_counted_in_the_reason(call):
    application = submit(call, focus_areas=list(call.focus_areas.all()))
    assert results(application)["experience"].reason == "Experience described in 2 of the call's focus areas."


@pytest.mark.parametrize(
    "born, passed",
    [
        (datetime.date(1987, 8, 2), True),  # 34 on 1 August 2022, 35 the next day
        (datetime.date(1987, 8, 1), False),  # 35 on the very day the programme starts
        (datetime.date(1980, 1, 1), False),
        (datetime.date(2000, 1, 1), True),
    ],
)
def test_the_researcher_must_be_under_35_when_the_programme_starts(call, born, passed):
    application = submit(call, researcher_birth_date=born)
    rule = results(application)["researcher_age"]
    assert rule.passed is passed
    assert application.eligible is passed
    if not passed:
        assert "not under 35" in rule.reason and "01.08.2022" in rule.reason


def test_age_counts_full_years_even_for_a_29_february_birthday():
    assert eligibility.age_on(datetime.date(2000, 2, 29), datetime.date(2035, 2, 28)) == 34
    assert eligibility.age_on(datetime.date(2000, 2, 29), datetime.date(2035, 3, 1)) == 35


@pytest.mark.parametrize(
    "researcher, mentor, passed",
    [(True, False, True), (False, True, True), (True, True, True), (False, False, False)],
)
def test_the_researcher_or_the_mentor_must_come_from_the_community(call, researcher, mentor, passed):
    application = submit(call, researcher_from_community=researcher, mentor_from_community=mentor)
    rule = results(application)["community"]
    assert rule.passed is passed
    if not passed:
        assert rule.reason == "Neither the researcher nor the mentor comes from the community."


@pytest.mark.parametrize(
    "researcher, mentor, passed",
    [
        ("working", "none", True),
        ("basic", "fluent", True),
        ("basic", "basic", False),
        ("none", "none", False),
    ],
)
def test_the_researcher_or_the_mentor_must_work_in_english(call, researcher, mentor, passed):
    application = submit(call, researcher_english=researcher, mentor_english=mentor)
    assert results(application)["english"].passed is passed
    assert application.eligible is passed


def test_an_application_received_after_the_closing_date_is_not_eligible(call):
    late = timezone.now() + datetime.timedelta(days=30)
    application = submit(call, submitted_at=late)
    rule = results(application)["on_time"]
    assert not rule.passed and "after the call closed" in rule.reason
    assert not application.eligible


def test_an_application_received_before_the_opening_date_is_not_eligible(call):
    early = timezone.now() - datetime.timedelta(days=30)
    rule = results(submit(call, submitted_at=early))["on_time"]
    assert not rule.passed and "before the call opened" in rule.reason


def test_moving_the_closing_date_checks_the_applications_again(cast, call):
    application = submit(call)
    call_update(actor=cast.coordinator, call=call, closes_on=timezone.localdate() - datetime.timedelta(days=1),
                opens_on=timezone.localdate() - datetime.timedelta(days=20))
    application.refresh_from_db()
    assert application.eligible is False
    from ovoz.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="application.eligibility", object_id=str(application.pk)).exists()
