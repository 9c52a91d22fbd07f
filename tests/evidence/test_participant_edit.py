"""Registering and editing a participant through the pages: vocabularies, programme attributes, identity."""

import pytest

from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import AttributeDefinition, Participant, Term


@pytest.fixture
def vocab(evidence):
    evidence.internal, _ = Term.objects.get_or_create(vocabulary="migrant_status", code="t-internal",
                                                      defaults={"label_en": "Internal migrant"})
    evidence.osh, _ = Term.objects.get_or_create(vocabulary="region", code="t-osh", country="KG",
                                                 defaults={"label_en": "Osh oblast"})
    evidence.sewing, _ = Term.objects.get_or_create(vocabulary="work_sector", code="t-sewing",
                                                    defaults={"label_en": "Sewing workshops"})
    evidence.elsewhere, _ = Term.objects.get_or_create(vocabulary="work_sector", code="t-other-programme",
                                                       programme=evidence.other_programme,
                                                       defaults={"label_en": "Another programme's sector"})
    evidence.retired, _ = Term.objects.get_or_create(vocabulary="work_sector", code="t-retired", is_active=False,
                                                     defaults={"label_en": "Retired sector"})
    AttributeDefinition.objects.create(programme=evidence.programme, key="children", label="Number of children",
                                       kind="number", order=1)
    AttributeDefinition.objects.create(programme=evidence.programme, key="contract", label="Has a contract",
                                       kind="yes_no", order=2)
    AttributeDefinition.objects.create(programme=evidence.programme, key="housing", label="Housing",
                                       kind="choice", choices=["rented room", "dormitory"], order=3)
    return evidence


def new_url(partnership):
    return f"/partnerships/{partnership.pk}/participants/new/"


def test_a_researcher_registers_a_participant_with_attributes_and_an_encrypted_identity(vocab, as_user):
    client = as_user(vocab.researcher_a)
    page = client.get(new_url(vocab.a)).content.decode()
    assert "Internal migrant" in page and "Number of children" in page and "Name" in page
    assert "Another programme" not in page and "Retired sector" not in page
    response = client.post(new_url(vocab.a), {
        "migrant_status": vocab.internal.pk, "age_band": "25-29", "region_of_origin": vocab.osh.pk,
        "destination": "Bishkek", "work_sector": vocab.sewing.pk, "household_role": "",
        "attr_children": "2", "attr_contract": "no", "attr_housing": "dormitory",
        "name": "Aigul Hidden", "contacts": "+996 555 000 000",
    })
    p = Participant.objects.get(code="KG-PA-003")
    assert response.status_code == 302 and response["Location"] == f"/participants/{p.pk}/consent/"
    assert p.migrant_status == vocab.internal and p.region_of_origin == vocab.osh and p.work_sector == vocab.sewing
    assert p.attributes == {"children": 2, "contract": False, "housing": "dormitory"}
    assert p.name == "Aigul Hidden" and p.created_by == vocab.researcher_a
    entry = AuditEntry.objects.get(action="participant.create", object_id=str(p.pk))
    assert "Aigul" not in str(entry.changes)


def test_a_mentor_registers_participants_but_is_never_offered_identity_fields(vocab, as_user):
    client = as_user(vocab.mentor_a)
    page = client.get(new_url(vocab.a)).content.decode()
    assert 'name="name"' not in page and 'name="contacts"' not in page
    client.post(new_url(vocab.a), {"age_band": "18-24", "name": "Smuggled Name"})
    p = Participant.objects.get(code="KG-PA-003")
    assert p.age_band == "18-24" and p.name == ""


def test_a_term_of_another_programme_or_a_bad_value_is_refused_and_nothing_is_written(vocab, as_user):
    client = as_user(vocab.researcher_a)
    response = client.post(new_url(vocab.a), {"work_sector": vocab.elsewhere.pk, "attr_children": "many"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "Enter a number" in response.content.decode()
    assert not Participant.objects.filter(code="KG-PA-003").exists()


@pytest.mark.parametrize("person", ["coordinator", "researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_only_the_team_registers_participants(vocab, as_user, person):
    assert as_user(getattr(vocab, person)).get(new_url(vocab.a)).status_code == 404
    assert as_user(getattr(vocab, person)).post(new_url(vocab.a), {"age_band": "18-24"}).status_code == 404
    assert not Participant.objects.filter(code="KG-PA-003").exists()


def test_editing_keeps_the_identity_unless_retyped_and_never_shows_it(vocab, as_user):
    a1 = vocab.a1
    a1.attributes = {"imported_key": "kept"}
    a1.save()
    client = as_user(vocab.researcher_a)
    page = client.get(f"/participants/{a1.pk}/edit/").content.decode()
    assert "Gulmira" not in page
    response = client.post(f"/participants/{a1.pk}/edit/", {"age_band": "30-39", "attr_children": "3",
                                                            "name": "", "contacts": ""})
    assert response.status_code == 302
    a1.refresh_from_db()
    assert a1.age_band == "30-39" and a1.name == "Gulmira Secretname"
    assert a1.attributes == {"imported_key": "kept", "children": 3}
    entry = AuditEntry.objects.filter(action="participant.update", object_id=str(a1.pk)).latest("at")
    assert "age_band" in entry.changes and "name" not in entry.changes


def test_a_researcher_can_erase_a_stored_identity(vocab, as_user):
    as_user(vocab.researcher_a).post(f"/participants/{vocab.a1.pk}/edit/", {"erase_identity": "on"})
    vocab.a1.refresh_from_db()
    assert vocab.a1.name == "" and vocab.a1.contacts == ""
    entry = AuditEntry.objects.filter(action="participant.update").latest("at")
    assert "name" in entry.changes and "Gulmira" not in str(entry.changes)


@pytest.mark.parametrize("person", ["coordinator", "researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_only_the_team_edits_a_participant(vocab, as_user, person):
    client = as_user(getattr(vocab, person))
    assert client.get(f"/participants/{vocab.a1.pk}/edit/").status_code == 404
    assert client.post(f"/participants/{vocab.a1.pk}/edit/", {"age_band": "60+"}).status_code == 404
    vocab.a1.refresh_from_db()
    assert vocab.a1.age_band == ""


def test_her_page_shows_attributes_and_consent_but_never_her_name(vocab, as_user):
    vocab.a1.attributes = {"children": 2, "contract": True}
    vocab.a1.save()
    for person in ("researcher_a", "mentor_a", "coordinator"):
        response = as_user(getattr(vocab, person)).get(f"/participants/{vocab.a1.pk}/")
        html = response.content.decode()
        assert response.status_code == 200 and "KG-PA-001" in html
        assert "Number of children" in html and "Gulmira" not in html
        assert "Use in analysis" in html


def test_coordinators_see_her_page_only_if_she_shares_and_never_her_history_or_identity_actions(vocab, as_user):
    client = as_user(vocab.coordinator)
    html = client.get(f"/participants/{vocab.a1.pk}/").content.decode()
    assert "Consent history" not in html and "Show identity" not in html and "Edit" not in html
    assert client.get(f"/participants/{vocab.a2.pk}/").status_code == 404


@pytest.mark.parametrize("person", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_her_page_is_404_outside_her_team(vocab, as_user, person):
    assert as_user(getattr(vocab, person)).get(f"/participants/{vocab.a1.pk}/").status_code == 404
