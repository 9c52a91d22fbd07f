"""The demo's August 2022 call: announced, the five partners selected and linked, two fictional others not."""

import pytest

from ovoz.accounts.models import Organisation, User
from ovoz.calls.demo import demo_load
from ovoz.calls.models import Application, Call, Review
from ovoz.demo import data
from ovoz.demo.load import demo_load as foundation_demo_load
from ovoz.programmes.models import Membership, Partnership, Programme


@pytest.fixture
def demo(db):
    foundation_demo_load()
    programme = Programme.objects.get(title=data.PROGRAMME["title"])
    partnerships = {
        key: Partnership.objects.get(programme=programme, organisation__name=name)
        for key, name, *_rest in data.PARTNERS
    }
    coordinator = User.objects.get(username=data.COORDINATOR[0])
    return {"programme": programme, "partnerships": partnerships, "coordinator": coordinator}


def counts():
    return (
        Call.objects.count(), Application.objects.count(), Review.objects.count(), User.objects.count(),
        Organisation.objects.count(), Partnership.objects.count(), Membership.objects.count(),
    )


def test_the_demo_call_is_announced_with_the_five_partners_selected(demo, mailoutbox):
    partnerships_before = Partnership.objects.count()
    call = demo_load(**demo)
    assert call.state == "announced" and call.is_fictional
    assert (call.opens_on.isoformat(), call.closes_on.isoformat()) == ("2022-08-01", "2022-08-31")
    assert (call.places_min, call.places_max) == (6, 8)
    assert call.announced_at.date().isoformat() == "2022-10-03"
    assert call.focus_areas.count() == 5 and call.criteria.count() == 5

    selected = Application.objects.filter(call=call, selected=True)
    assert sorted(a.partnership_id for a in selected) == sorted(p.pk for p in demo["partnerships"].values())
    for a in selected:
        team = {m.role: m.user for m in a.partnership.memberships.all()}
        assert a.researcher_user == team["researcher"] and a.mentor_user == team["mentor"]
    # Linked, not created: the partnerships and the people already existed.
    assert Partnership.objects.count() == partnerships_before
    assert not User.objects.filter(username__startswith="researcher.", password__startswith="!").exists()

    others = Application.objects.filter(call=call, selected=False)
    assert sorted(a.organisation_name for a in others) == [
        "Kelechek Women's Initiative (fictional)",
        "Samarkand Migrant Workers Circle (fictional)",
    ]
    assert [a.eligible for a in sorted(others, key=lambda a: a.organisation_name)] == [True, False]
    assert all(a.is_fictional for a in Application.objects.all())
    assert Review.objects.filter(submitted_at__isnull=False).count() == 12
    assert not mailoutbox  # a past announcement: nobody is written to


def test_loading_the_demo_call_twice_creates_nothing_new(demo):
    first = demo_load(**demo)
    before = counts()
    again = demo_load(**demo)
    assert again == first
    assert counts() == before


def test_the_demo_ranking_puts_the_selected_partners_first(demo, client):
    from ovoz.calls import ranking

    call = demo_load(**demo)
    rows, _criteria = ranking.rank(call, eligible_only=True)
    assert [r.application.selected for r in rows] == [True] * 5 + [False]
    assert all(r.n_reviews == 2 for r in rows)
