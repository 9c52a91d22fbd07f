"""The lists, the partnership's deliverables, the coordinator's dashboard (matrix and timeline chart)."""

import datetime
import re

import pytest

from ovoz.accounts.models import Organisation
from ovoz.deliverables.models import Deliverable
from ovoz.deliverables.services import deliverables_create_for_partnership, timeline_item_create
from ovoz.programmes.models import Partnership
from tests.deliverables.conftest import days, put_in_state


@pytest.fixture
def timeline(work):
    p = work.programme
    for title, start, end in [
        ("Call for applications", datetime.date(2022, 8, 1), datetime.date(2022, 8, 31)),
        ("Research and reporting", datetime.date(2023, 3, 1), datetime.date(2023, 8, 31)),
        ("Advocacy phase", datetime.date(2024, 3, 1), datetime.date(2024, 8, 31)),
    ]:
        timeline_item_create(actor=work.coordinator, programme=p, kind="phase", title=title, starts_on=start,
                             ends_on=end)
    timeline_item_create(actor=work.coordinator, programme=p, kind="milestone", title="Third regional training",
                         starts_on=datetime.date(2023, 10, 3))
    return work


def test_the_team_sees_its_deliverables_with_due_dates_and_states(work, as_user):
    put_in_state(work.design_a, "changes_requested")
    body = as_user(work.researcher_a).get(f"/partnerships/{work.a.pk}/deliverables/").content.decode()
    assert "Research design" in body and "Final FPAR report" in body
    assert work.design.due_on.strftime("%d.%m.%Y") in body
    assert '<span class="tag state-changes_requested">Changes requested</span>' in body
    assert f'href="/deliverables/{work.design_a.pk}/"' in body


def test_a_co_researcher_sees_the_list_but_not_what_was_written(work, as_user):
    client = as_user(work.coresearcher_a)
    body = client.get(f"/partnerships/{work.a.pk}/deliverables/").content.decode()
    assert "Research design" in body
    assert f'href="/deliverables/{work.design_a.pk}/"' not in body
    assert client.get(f"/deliverables/{work.design_a.pk}/").status_code == 404


@pytest.mark.parametrize("name", ["researcher_b", "viewer", "outsider"])
def test_other_partnerships_and_viewers_get_404_on_a_partnerships_deliverables(work, as_user, name):
    assert as_user(getattr(work, name)).get(f"/partnerships/{work.a.pk}/deliverables/").status_code == 404


def test_the_list_shows_only_her_partnerships_deliverables_and_filters(work, as_user):
    put_in_state(work.design_b, "submitted")
    body = as_user(work.researcher_b).get("/deliverables/").content.decode()
    assert "Partner B" in body and "Partner A</a>" not in body
    coordinator = as_user(work.coordinator)
    body = coordinator.get("/deliverables/", {"state": "submitted"}).content.decode()
    assert body.count('<span class="tag state-') == 1 and "Partner B" in body
    body = coordinator.get("/deliverables/", {"partnership": work.a.pk, "q": "final"}).content.decode()
    assert "Final FPAR report" in body and "Research design" not in body
    assert coordinator.get("/deliverables/", {"partnership": "nonsense"}).status_code == 200


def test_the_list_costs_the_same_queries_however_long_it_is(work, as_user, django_assert_max_num_queries):
    client = as_user(work.coordinator)
    client.get("/deliverables/")
    with django_assert_max_num_queries(12):
        client.get("/deliverables/")


def test_the_dashboard_is_for_coordinators(work, as_user):
    url = f"/programmes/{work.programme.pk}/timeline/"
    assert as_user(work.coordinator).get(url).status_code == 200
    for name in ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b", "viewer", "outsider"]:
        assert as_user(getattr(work, name)).get(url).status_code == 404, name
    assert as_user(work.coordinator).get(f"/programmes/{work.other_programme.pk}/timeline/").status_code == 404


def test_the_matrix_shows_each_partnership_and_deliverable_with_state_words(timeline, as_user):
    work = timeline
    put_in_state(work.design_a, "accepted")
    put_in_state(work.design_b, "changes_requested")
    Deliverable.objects.filter(pk=work.report_a.pk).update(due_on=days(60))
    body = as_user(work.coordinator).get(f"/programmes/{work.programme.pk}/timeline/").content.decode()
    matrix = body[body.index('class="matrix"'):body.index("</table>", body.index('class="matrix"'))]
    assert matrix.count('<th class="partner" scope="row">') == 2
    assert '<span class="tag state-accepted">Accepted</span>' in matrix
    assert '<span class="tag state-changes_requested">Changes requested</span>' in matrix
    assert matrix.count('<span class="tag state-not_started">Not started</span>') == 2
    # An extension shows its own date in the cell.
    assert f'<span class="due">due {days(60):%d.%m.%Y}</span>' in matrix


def test_the_timeline_chart_has_a_bar_per_phase_a_diamond_per_milestone_and_a_mark_per_due_date(timeline, as_user):
    body = as_user(timeline.coordinator).get(f"/programmes/{timeline.programme.pk}/timeline/").content.decode()
    svg = body[body.index("<figure class=\"gantt\""):body.index("</figure>")]
    assert len(re.findall(r'<rect class="gantt-phase"', svg)) == 3
    assert len(re.findall(r'<polygon class="gantt-milestone"', svg)) == 1
    assert len(re.findall(r'<polygon class="gantt-due"', svg)) == 2
    assert "Advocacy phase" in svg and "Third regional training" in svg
    # It scrolls inside its own box, and needs no script.
    assert 'class="gantt-box"' in body and "<script" not in svg


def test_the_chart_draws_a_today_line_when_today_is_inside_it(timeline, as_user):
    from ovoz.programmes.models import Programme

    Programme.objects.filter(pk=timeline.programme.pk).update(ends_on=days(400))
    body = as_user(timeline.coordinator).get(f"/programmes/{timeline.programme.pk}/timeline/").content.decode()
    assert body.count('class="gantt-today"') == 1


def test_the_dashboard_costs_a_fixed_number_of_queries(timeline, as_user, django_assert_num_queries):
    client = as_user(timeline.coordinator)
    url = f"/programmes/{timeline.programme.pk}/timeline/"
    client.get(url)
    # 9 for the matrix and the timeline (the session row is not rewritten on a repeat visit), 4 for the money
    # overview of the grants app, 3 for the impact app's evidence-of-change panel (outcomes with their stories,
    # ToC outcomes and recommendations).
    with django_assert_num_queries(16) as before:
        client.get(url)
    for i in range(4):
        org = Organisation.objects.create(name=f"More partner {i}")
        p = Partnership.objects.create(programme=timeline.programme, organisation=org, country="UZ")
        deliverables_create_for_partnership(actor=None, partnership=p)
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)


def test_the_programme_dashboard_shows_the_money_overview_beside_the_deliverables(timeline, as_user):
    body = as_user(timeline.coordinator).get(f"/programmes/{timeline.programme.pk}/timeline/").content.decode()
    assert 'id="money"' in body and "Granted" in body and "To pay" in body


def test_a_team_sees_the_programme_timeline_with_its_own_due_dates(timeline, as_user):
    put_in_state(timeline.design_a, "submitted")
    body = as_user(timeline.researcher_a).get(f"/partnerships/{timeline.a.pk}/deliverables/").content.decode()
    svg = body[body.index("<figure class=\"gantt\""):body.index("</figure>")]
    assert svg.count('class="gantt-phase"') == 3
    assert "Research design · Submitted" in svg


def test_the_partnership_page_costs_the_same_queries_however_many_deliverables(timeline, as_user,
                                                                               django_assert_num_queries):
    from ovoz.deliverables.services import deliverable_template_create

    client = as_user(timeline.researcher_a)
    url = f"/partnerships/{timeline.a.pk}/deliverables/"
    client.get(url)
    with django_assert_num_queries(8) as before:
        client.get(url)
    for i in range(5):
        deliverable_template_create(actor=None, programme=timeline.programme, title=f"Extra {i}", due_on=days(i))
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(url)
