"""Change stories are evidence: consent decides where they appear, and partnerships see only their own."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from ovoz.evidence.services.consent import ALL_SCOPES, consent_record, consent_withdraw
from ovoz.evidence.services.participants import participant_create
from ovoz.impact.access import stories_visible_to
from ovoz.impact.report_data import report_stories
from ovoz.impact.services.stories import story_create

D = datetime.date(2023, 3, 1)


def woman(cast, scopes=ALL_SCOPES, partnership=None):
    p = participant_create(actor=None, partnership=partnership or cast.a)
    consent_record(actor=None, participant=p, date=D, method="oral", language="ky", scopes=scopes)
    return p


def story(cast, teller, title="Мен сүйлөдүм", **extra):
    values = {"level": "personal", "title": title, "social_actor": "A returned migrant",
              "what_changed": "She spoke at the village council.", "storyteller_kind": "participant",
              "storyteller": teller, "shared_with_programme": True}
    values.update(extra)
    return story_create(actor=cast.researcher_a, partnership=cast.a, **values)


def test_a_story_whose_teller_withdrew_leaves_every_scoped_query_and_the_report(cast):
    teller = woman(cast)
    s = story(cast, teller)
    assert s in stories_visible_to(cast.coordinator, scope="quotes")
    assert s in report_stories(cast.programme)
    consent_withdraw(actor=None, participant=teller, date=datetime.date(2024, 1, 1))
    assert s not in stories_visible_to(cast.researcher_a, scope="analysis")
    assert s not in stories_visible_to(cast.coordinator)
    assert s not in report_stories(cast.programme)


def test_a_teller_who_did_not_allow_quotes_is_not_quoted_in_the_report(cast):
    story(cast, woman(cast, scopes=["analysis", "coordinators", "statistics"]))
    assert not report_stories(cast.programme).exists()
    assert stories_visible_to(cast.coordinator).count() == 1


def test_coordinators_see_only_stories_shared_with_the_tellers_consent(cast, as_user):
    private = story(cast, woman(cast), title="Kept in the partnership", shared_with_programme=False)
    client = as_user(cast.coordinator)
    assert client.get(f"/impact/stories/{private.pk}/").status_code == 404
    with pytest.raises(ValidationError):
        story(cast, woman(cast, scopes=["analysis", "quotes"]), title="No sharing allowed")


def test_another_partnership_a_co_researcher_and_a_viewer_never_see_a_story(cast, as_user):
    s = story(cast, woman(cast))
    for user in (cast.researcher_b, cast.coresearcher_a, cast.viewer):
        assert as_user(user).get(f"/impact/stories/{s.pk}/").status_code == 404
    listed = as_user(cast.researcher_b).get(f"/programmes/{cast.programme.pk}/impact/stories/").content.decode()
    assert s.title not in listed


def test_a_story_cannot_name_a_teller_from_another_partnership_or_one_without_consent(cast):
    with pytest.raises(ValidationError):
        story(cast, woman(cast, partnership=cast.b))
    with pytest.raises(ValidationError):
        story(cast, woman(cast, scopes=["statistics"]), shared_with_programme=False)


def test_a_researcher_records_a_story_through_the_form_and_its_words_are_sealed_in_the_audit(cast, as_user):
    from ovoz.audit.models import AuditEntry

    teller = woman(cast)
    response = as_user(cast.researcher_a).post(f"/partnerships/{cast.a.pk}/stories/new/", {
        "level": "community", "title": "The women's group", "social_actor": "Women of the mahalla",
        "what_changed": "They meet every Friday now.", "storyteller_kind": "participant",
        "storyteller": teller.pk, "collected_on": "2024-05-05", "shared_with_programme": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="story.create")
    assert "Friday" not in str(entry.changes)


def test_the_story_list_pages_without_a_query_per_story(cast, as_user, django_assert_max_num_queries):
    teller = woman(cast)
    for n in range(25):
        story(cast, teller, title=f"Story {n}")
    client = as_user(cast.coordinator)
    with django_assert_max_num_queries(15):
        page = client.get(f"/programmes/{cast.programme.pk}/impact/stories/")
    assert page.status_code == 200 and "Page 1 of 2" in page.content.decode()
