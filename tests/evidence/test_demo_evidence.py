"""The demo programme's fictional evidence: per partner, matching its briefer; loading twice adds nothing."""

import re

import pytest

from ovoz.demo import data
from ovoz.demo.load import demo_load as load_programme
from ovoz.evidence.demo import demo_load
from ovoz.evidence.models import ConsentRecord, Incident, IncidentSource, Participant, Source
from ovoz.programmes.models import Partnership, Programme


def load():
    # The programme and its people only: the other apps' demo parts (a survey import adds participants) are
    # tested by their own apps, and these tests count what the evidence demo itself creates.
    from ovoz.demo import load as loader

    saved, loader.DEMO_APPS = loader.DEMO_APPS, []
    try:
        load_programme()
    finally:
        loader.DEMO_APPS = saved
    programme = Programme.objects.get(title=data.PROGRAMME["title"])
    partnerships = {
        key: Partnership.objects.get(programme=programme, organisation__name=name)
        for key, name, *_ in data.PARTNERS
    }
    from ovoz.accounts.models import User

    demo_load(programme=programme, partnerships=partnerships, coordinator=User.objects.get(username="coordinator"))
    return programme, partnerships


def counts():
    return (Participant.objects.count(), ConsentRecord.objects.count(), Source.objects.count(),
            Incident.objects.count(), IncidentSource.objects.count())


@pytest.fixture
def demo(db):
    return load()


def test_loading_twice_creates_nothing_new(demo):
    before = counts()
    load()
    assert counts() == before


def test_every_demo_record_is_fictional_and_says_so(demo):
    assert Participant.objects.exists() and not Participant.objects.filter(is_fictional=False).exists()
    assert not Source.objects.filter(is_fictional=False).exists()
    assert not Incident.objects.filter(is_fictional=False).exists()
    for title in [*Source.objects.values_list("title", flat=True), *Incident.objects.values_list("title", flat=True)]:
        assert title.startswith("(fictional)"), title
    assert all(name.startswith("(fictional)") for name in Participant.objects.values_list("name", flat=True))


def test_each_partnership_has_six_to_ten_participants_with_consents_and_withdrawals(demo):
    _, partnerships = demo
    for key, partnership in partnerships.items():
        people = Participant.objects.filter(partnership=partnership)
        assert 6 <= people.count() <= 10, key
        assert not people.filter(consents__isnull=True).exists(), key
        methods = set(ConsentRecord.objects.filter(participant__partnership=partnership).values_list("method",
                                                                                                     flat=True))
        assert methods == {"oral", "written"}, key
        records = ConsentRecord.objects.filter(participant__partnership=partnership)
        assert records.filter(kind="withdrawn_scope").count() == 2, key
        assert people.filter(withdrawn_at__isnull=False).count() == 1, key
    written = ConsentRecord.objects.filter(method="written", kind="given")
    assert all(r.form.name.endswith(".pdf") for r in written)


def test_withdrawn_participants_stay_in_the_register_but_allow_nothing(demo):
    withdrawn = Participant.objects.filter(withdrawn_at__isnull=False)
    assert withdrawn.count() == 5
    for person in withdrawn:
        assert not any(person.allows(s) for s in ["analysis", "quotes", "statistics", "coordinators"])


def test_participants_match_their_partners_briefers(demo):
    _, partnerships = demo

    def statuses(key):
        return set(Participant.objects.filter(partnership=partnerships[key]).values_list("migrant_status__code",
                                                                                          flat=True))

    assert "internal" in statuses("ravnyeprava") and "internal" in statuses("hrac")
    assert "returned" in statuses("awa-fergana") and "returned" in statuses("ghamkhori")
    assert "returned" in statuses("dunyoi-muhabbat")
    assert set(Participant.objects.filter(partnership=partnerships["ghamkhori"])
               .values_list("region_of_origin__country", flat=True)) == {"TJ"}
    assert Participant.objects.filter(partnership=partnerships["ravnyeprava"], destination__contains="Ak-Zhar").exists()
    assert Participant.objects.filter(partnership=partnerships["awa-fergana"],
                                      region_of_origin__code="uz-fergana").exists()
    assert Participant.objects.filter(partnership=partnerships["dunyoi-muhabbat"],
                                      region_of_origin__code="tj-sughd").exists()


def test_each_partnership_has_a_women_only_consultation_and_interviews_in_its_languages(demo):
    _, partnerships = demo
    languages = {"ravnyeprava": {"ky", "ru"}, "hrac": {"ky", "ru"}, "awa-fergana": {"uz"},
                 "ghamkhori": {"tg", "ru"}, "dunyoi-muhabbat": {"tg", "ru"}}
    for key, partnership in partnerships.items():
        consultation = Source.objects.get(partnership=partnership, kind="consultation")
        assert consultation.women_only and consultation.outcomes and consultation.stakeholders_present
        interviews = Source.objects.filter(partnership=partnership, kind="interview")
        assert 2 <= interviews.count() <= 4
        assert set(interviews.values_list("language", flat=True)) == languages[key], key
        for interview in interviews:
            assert 150 <= len(interview.transcript.split()) <= 400, interview.title
            assert interview.facilitator is not None
    assert Source.objects.exclude(translation_en="").count() >= 3
    uzbek = list(Source.objects.filter(partnership=partnerships["awa-fergana"], kind="interview"))
    scripts = {"cyrillic" if re.search("[А-Яа-яЎўҚқҒғҲҳ]", s.transcript) else "latin" for s in uzbek}
    assert scripts == {"latin", "cyrillic"}
    assert any("ʻ" in s.transcript for s in uzbek)


def test_incidents_match_the_briefers_and_cite_their_sources(demo):
    _, partnerships = demo
    for key, partnership in partnerships.items():
        incidents = Incident.objects.filter(partnership=partnership)
        assert 2 <= incidents.count() <= 3, key
        for incident in incidents:
            assert incident.acts.exists() and incident.rights.exists()
            links = incident.source_links.all()
            assert links and all(link.connection and link.reliability for link in links)
    acts = {key: set(Incident.objects.filter(partnership=p).values_list("acts__act_type__code", flat=True))
            for key, p in partnerships.items()}
    assert "unpaid-wages" in acts["ravnyeprava"] and "no-contract" in acts["ravnyeprava"]
    assert "police-extortion" in acts["hrac"] and "registration-services" in acts["hrac"]
    assert "child-allowance" in acts["awa-fergana"]
    assert "physical-assault" in acts["ghamkhori"]
    assert "unpaid-wages" in acts["dunyoi-muhabbat"]
    wages = Incident.objects.get(partnership=partnerships["ravnyeprava"], acts__act_type__code="unpaid-wages")
    claim = wages.labour_claim
    assert claim.wages_owed and claim.currency == "KGS" and claim.recovered_amount
    assert wages.interventions.filter(intervention_type__code="labour-inspection").exists()
    violence = Incident.objects.get(partnership=partnerships["ghamkhori"], acts__act_type__code="physical-assault")
    assert violence.interventions.filter(intervention_type__code="crisis-centre").exists()


def test_the_demo_loads_even_without_the_sources_and_incidents_services(db, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ovoz.evidence.services.sources", None)
    monkeypatch.setitem(sys.modules, "ovoz.evidence.services.incidents", None)
    load()
    assert Source.objects.count() == 5 * 3 and Incident.objects.count() == 10
    assert IncidentSource.objects.count() >= 10
