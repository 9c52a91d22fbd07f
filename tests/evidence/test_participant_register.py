"""The participant register of a partnership: who sees it, what it shows, its search, filters and pages."""

import datetime

import pytest

from ovoz.evidence.models import Term
from ovoz.evidence.services.consent import ALL_SCOPES, consent_record, consent_withdraw
from ovoz.evidence.services.participants import participant_create

DAY = datetime.date(2024, 3, 1)


@pytest.fixture
def register(evidence):
    """A few attributes on A's participants, and a third participant of A who withdrew entirely."""
    internal, _ = Term.objects.get_or_create(vocabulary="migrant_status", code="t-internal",
                                             defaults={"label_en": "Internal migrant", "label_ru": "Внутренняя"})
    returned, _ = Term.objects.get_or_create(vocabulary="migrant_status", code="t-returned",
                                             defaults={"label_en": "Returned migrant"})
    osh, _ = Term.objects.get_or_create(vocabulary="region", code="t-osh", country="KG",
                                        defaults={"label_en": "Osh oblast"})
    evidence.a1.migrant_status, evidence.a1.age_band, evidence.a1.region_of_origin = internal, "25-29", osh
    evidence.a1.save()
    evidence.a2.migrant_status, evidence.a2.age_band = returned, "40-49"
    evidence.a2.save()
    a3 = participant_create(actor=evidence.researcher_a, partnership=evidence.a, migrant_status=internal)
    consent_record(actor=evidence.researcher_a, participant=a3, date=DAY, method="oral", language="ru",
                   scopes=ALL_SCOPES)
    consent_withdraw(actor=evidence.researcher_a, participant=a3, date=DAY)
    evidence.a3, evidence.internal, evidence.returned, evidence.osh = a3, internal, returned, osh
    return evidence


def codes(response) -> list[str]:
    return [p.code for p in response.context["page"]]


def url(partnership, query=""):
    return f"/partnerships/{partnership.pk}/participants/{query}"


@pytest.mark.parametrize("person", ["mentor_a", "researcher_a"])
def test_the_team_sees_every_participant_of_its_partnership_with_codes_and_consent(register, as_user, person):
    response = as_user(getattr(register, person)).get(url(register.a))
    assert response.status_code == 200
    assert codes(response) == ["KG-PA-001", "KG-PA-002", "KG-PA-003"]
    html = response.content.decode()
    assert "Internal migrant" in html and "Osh oblast" in html and "25–29" in html
    assert "withdrawn" in html  # a3's clear mark
    assert "Gulmira" not in html  # identity is never on the register


def test_a_participant_who_withdrew_is_marked_withdrawn_and_shows_no_scope(register, as_user):
    response = as_user(register.researcher_a).get(url(register.a, "?withdrawn=yes"))
    assert codes(response) == ["KG-PA-003"]
    row = [p for p in response.context["page"]][0]
    assert row.scope_tags == []
    assert 'class="tag withdrawn"' in response.content.decode()


def test_coordinators_see_only_those_who_allow_sharing_with_coordinators(register, as_user):
    response = as_user(register.coordinator).get(url(register.a))
    assert response.status_code == 200
    assert codes(response) == ["KG-PA-001"]
    html = response.content.decode()
    assert "Gulmira" not in html
    assert "Register a participant" not in html


@pytest.mark.parametrize("person", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_nobody_outside_the_team_and_its_coordinators_gets_the_register(register, as_user, person):
    assert as_user(getattr(register, person)).get(url(register.a)).status_code == 404


def test_a_missing_partnership_answers_404(register, as_user):
    assert as_user(register.researcher_a).get("/partnerships/999999/participants/").status_code == 404


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?q=002", ["KG-PA-002"]),
        ("?q=kg-pa", ["KG-PA-001", "KG-PA-002", "KG-PA-003"]),
        ("?age_band=40-49", ["KG-PA-002"]),
        ("?scope=quotes", ["KG-PA-001"]),
        ("?scope=statistics", ["KG-PA-001", "KG-PA-002"]),
        ("?withdrawn=no", ["KG-PA-001", "KG-PA-002"]),
        ("?age_band=nonsense&scope=selling", ["KG-PA-001", "KG-PA-002", "KG-PA-003"]),
    ],
)
def test_the_register_is_searched_by_code_and_filtered(register, as_user, query, expected):
    assert codes(as_user(register.researcher_a).get(url(register.a, query))) == expected


def test_the_register_filters_by_migrant_status_and_region(register, as_user):
    client = as_user(register.researcher_a)
    assert codes(client.get(url(register.a, f"?migrant_status={register.internal.pk}"))) == ["KG-PA-001", "KG-PA-003"]
    assert codes(client.get(url(register.a, f"?region={register.osh.pk}"))) == ["KG-PA-001"]


def test_terms_show_in_the_readers_language(register, as_user):
    client = as_user(register.researcher_a)
    client.cookies["django_language"] = "ru"
    assert "Внутренняя" in client.get(url(register.a)).content.decode()


def test_the_register_pages_fifty_at_a_time_and_keeps_the_filters_in_the_page_links(register, as_user):
    for _ in range(55):
        p = participant_create(actor=register.researcher_a, partnership=register.a)
        consent_record(actor=register.researcher_a, participant=p, date=DAY, method="oral", language="ru",
                       scopes=["analysis"])
    client = as_user(register.researcher_a)
    first = client.get(url(register.a, "?scope=analysis"))
    assert len(codes(first)) == 50
    assert "scope=analysis&amp;page=2" in first.content.decode()
    second = client.get(url(register.a, "?scope=analysis&page=2"))
    assert len(codes(second)) == 57 - 50


def test_the_register_makes_the_same_few_queries_however_many_participants(register, as_user,
                                                                           django_assert_max_num_queries):
    for _ in range(30):
        p = participant_create(actor=register.researcher_a, partnership=register.a, migrant_status=register.returned,
                               region_of_origin=register.osh)
        consent_record(actor=register.researcher_a, participant=p, date=DAY, method="oral", language="ru",
                       scopes=["analysis", "quotes"])
    client = as_user(register.researcher_a)
    with django_assert_max_num_queries(12):
        response = client.get(url(register.a))
    assert len(codes(response)) == 33
