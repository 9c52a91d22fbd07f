"""Vocabularies in the interface: the team reads them in its language; the coordinator extends and edits them."""

import pytest
from django.urls import reverse

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Term
from ovoz.evidence.services.participants import participant_create
from ovoz.evidence.services.vocabulary import term_create
from tests.conftest import make_user


def list_url(cast, vocabulary="migrant_status", **params):
    query = "&".join(f"{k}={v}" for k, v in {"vocabulary": vocabulary, **params}.items())
    return reverse("evidence:vocabulary_list", args=[cast.programme.pk]) + "?" + query


def term_url(name, cast, term, programme=None):
    return reverse(f"evidence:{name}", args=[(programme or cast.programme).pk, term.pk])


def shared(vocabulary, code):
    return Term.objects.get(vocabulary=vocabulary, code=code, programme__isnull=True)


def recently_reauthenticated(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = 2**40
    session.save()
    return client


@pytest.fixture
def own_terms(cast):
    """Two programme terms of the coordinator's programme, and one of another programme."""
    first = term_create(actor=cast.coordinator, vocabulary="violation", programme=cast.programme,
                        label_en="Forced unpaid overtime", label_ru="Принудительная неоплачиваемая переработка")
    second = term_create(actor=cast.coordinator, vocabulary="violation", programme=cast.programme,
                         label_en="Wage theft by recruiter")
    foreign = term_create(actor=None, vocabulary="violation", programme=cast.other_programme,
                          label_en="Another programme's term")
    return first, second, foreign


@pytest.mark.parametrize("person", ["coordinator", "mentor_a", "researcher_a", "coresearcher_a", "researcher_b"])
def test_the_programmes_team_can_read_the_vocabularies(cast, as_user, person):
    response = as_user(getattr(cast, person)).get(list_url(cast))
    assert response.status_code == 200
    assert "Returned migrant" in response.content.decode()


@pytest.mark.parametrize("person", ["viewer", "outsider"])
def test_viewers_and_outsiders_do_not_see_the_vocabularies(cast, as_user, person):
    assert as_user(getattr(cast, person)).get(list_url(cast)).status_code == 404


@pytest.mark.parametrize(("language", "label"), [
    ("ky", "Кайтып келген мигрант"), ("ru", "Вернувшаяся мигрантка"), ("uz", "Qaytib kelgan migrant"),
    ("tg", "Муҳоҷири баргашта"),
])
def test_terms_are_shown_in_the_readers_language(cast, as_user, language, label):
    cast.researcher_a.language = language
    cast.researcher_a.save()
    page = as_user(cast.researcher_a).get(list_url(cast)).content.decode()
    assert label in page


def test_a_term_without_a_translation_is_shown_in_english(cast, as_user, own_terms):
    cast.researcher_a.language = "ky"
    cast.researcher_a.save()
    page = as_user(cast.researcher_a).get(list_url(cast, "violation")).content.decode()
    assert "Wage theft by recruiter" in page
    assert "Зордуктоо" in page  # the shared "Rape", in Kyrgyz


def test_the_coordinator_adds_a_programme_term_with_an_audit_row(cast, as_user):
    client = as_user(cast.coordinator)
    url = reverse("evidence:vocabulary_term_create", args=[cast.programme.pk, "perpetrator"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"label_en": "Dormitory manager", "label_ru": "Комендант общежития",
                                 "label_ky": "Жатаканын коменданты", "label_uz": "Yotoqxona komendanti",
                                 "label_tg": "Мудири хобгоҳ", "parent": "", "huridocs_code": "24-110302"})
    assert response.status_code == 302
    term = Term.objects.get(vocabulary="perpetrator", label_en="Dormitory manager")
    assert term.programme == cast.programme and term.code.startswith(f"p{cast.programme.pk}-")
    entry = AuditEntry.objects.get(action="term.create", object_id=str(term.pk))
    assert entry.programme == cast.programme and entry.actor == cast.coordinator


def test_a_new_region_needs_its_country(cast, as_user):
    url = reverse("evidence:vocabulary_term_create", args=[cast.programme.pk, "region"])
    response = as_user(cast.coordinator).post(url, {"label_en": "Ak-Zhar residential area"})
    assert response.status_code == 200
    assert "Say which country the region is in." in response.content.decode()
    assert not Term.objects.filter(label_en="Ak-Zhar residential area").exists()


def test_the_coordinator_edits_labels_in_the_five_languages(cast, as_user, own_terms):
    first, *_ = own_terms
    client = as_user(cast.coordinator)
    assert client.get(term_url("vocabulary_term_edit", cast, first)).status_code == 200
    response = client.post(term_url("vocabulary_term_edit", cast, first), {
        "label_en": "Forced unpaid overtime", "label_ru": "Принудительная неоплачиваемая переработка",
        "label_ky": "Мажбурлап акысыз ашыкча иштетүү", "label_uz": "Majburiy haq toʻlanmaydigan qoʻshimcha ish",
        "label_tg": "Кори иловагии маҷбурии бемузд", "parent": str(shared("violation", "labour-rights").pk),
        "huridocs_code": "04-30010206", "description": "",
    })
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.label_tg == "Кори иловагии маҷбурии бемузд"
    assert first.parent.code == "labour-rights"
    entry = AuditEntry.objects.get(action="term.update", object_id=str(first.pk))
    assert set(entry.changes) >= {"label_ky", "label_uz", "label_tg", "parent", "huridocs_code"}


def test_bad_input_is_refused_clearly_and_nothing_is_saved(cast, as_user, own_terms):
    first, *_ = own_terms
    client = as_user(cast.coordinator)
    response = client.post(term_url("vocabulary_term_edit", cast, first), {"label_en": "", "huridocs_code": "4-3"})
    assert response.status_code == 200
    first.refresh_from_db()
    assert first.label_en == "Forced unpaid overtime"
    response = client.post(term_url("vocabulary_term_edit", cast, first),
                           {"label_en": "Forced unpaid overtime", "huridocs_code": "4-3"})
    assert "micro-thesaurus number" in response.content.decode()
    first.refresh_from_db()
    assert first.huridocs_code == ""


def test_the_coordinator_retires_and_restores_a_term_with_audit_rows(cast, as_user, own_terms):
    first, *_ = own_terms
    client = as_user(cast.coordinator)
    assert client.post(term_url("vocabulary_term_retire", cast, first)).status_code == 302
    first.refresh_from_db()
    assert not first.is_active
    page = client.get(list_url(cast, "violation")).content.decode()
    assert first.code not in page
    assert first.code in client.get(list_url(cast, "violation", retired="1")).content.decode()
    assert client.post(term_url("vocabulary_term_restore", cast, first)).status_code == 302
    first.refresh_from_db()
    assert first.is_active
    actions = list(AuditEntry.objects.filter(object_id=str(first.pk), object_type="evidence.term")
                   .values_list("action", flat=True))
    assert "term.retire" in actions and "term.restore" in actions


def test_the_coordinator_reorders_her_programmes_terms(cast, as_user, own_terms):
    first, second, _ = own_terms
    assert first.order < second.order
    response = as_user(cast.coordinator).post(term_url("vocabulary_term_move", cast, second), {"direction": "up"})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.order < first.order
    assert AuditEntry.objects.filter(action="term.reorder", object_id=str(second.pk)).exists()


def test_moving_past_a_shared_term_changes_only_the_programmes_term(cast, as_user):
    mine = term_create(actor=cast.coordinator, vocabulary="household_role", programme=cast.programme,
                       label_en="Grandmother")
    other = shared("household_role", "other")
    before = other.order
    assert mine.order > other.order
    as_user(cast.coordinator).post(term_url("vocabulary_term_move", cast, mine), {"direction": "up"})
    mine.refresh_from_db()
    other.refresh_from_db()
    assert other.order == before and mine.order < other.order


def test_an_unused_term_is_deleted_after_reauthentication_and_confirmation(cast, as_user, own_terms):
    first, *_ = own_terms
    client = as_user(cast.coordinator)
    response = client.get(term_url("vocabulary_term_delete", cast, first))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:reauth"))
    recently_reauthenticated(client)
    assert "cannot be undone" in client.get(term_url("vocabulary_term_delete", cast, first)).content.decode()
    assert client.post(term_url("vocabulary_term_delete", cast, first)).status_code == 302
    assert not Term.objects.filter(pk=first.pk).exists()
    assert AuditEntry.objects.filter(action="term.delete", object_id=str(first.pk)).exists()


def test_a_term_in_use_is_never_deleted(cast, as_user):
    term = term_create(actor=cast.coordinator, vocabulary="work_sector", programme=cast.programme,
                       label_en="Greenhouses")
    participant_create(actor=cast.researcher_a, partnership=cast.a, work_sector=term)
    client = recently_reauthenticated(as_user(cast.coordinator))
    page = client.get(term_url("vocabulary_term_delete", cast, term)).content.decode()
    assert "cannot be deleted" in page
    response = client.post(term_url("vocabulary_term_delete", cast, term), follow=True)
    assert "is in use" in response.content.decode()
    assert Term.objects.filter(pk=term.pk).exists()
    assert not AuditEntry.objects.filter(action="term.delete").exists()


def test_shared_terms_are_locked_for_the_coordinator(cast, as_user):
    rape = shared("violation", "rape")
    client = recently_reauthenticated(as_user(cast.coordinator))
    page = client.get(list_url(cast, "violation")).content.decode()
    assert "Shared terms are locked" in page
    assert term_url("vocabulary_term_edit", cast, rape) not in page
    assert client.get(term_url("vocabulary_term_edit", cast, rape)).status_code == 404
    assert client.post(term_url("vocabulary_term_edit", cast, rape), {"label_en": "Changed"}).status_code == 404
    assert client.post(term_url("vocabulary_term_retire", cast, rape)).status_code == 404
    assert client.post(term_url("vocabulary_term_delete", cast, rape)).status_code == 404
    rape.refresh_from_db()
    assert rape.label_en == "Rape" and rape.is_active


def test_a_site_administrator_edits_a_shared_term_with_an_audit_row(cast, as_user):
    admin = make_user("siteadmin", is_superuser=True)
    pension = shared("violation", "pension")
    response = as_user(admin).post(term_url("vocabulary_term_edit", cast, pension), {
        "label_en": "Pension refused or cut", "label_ru": pension.label_ru, "label_ky": pension.label_ky,
        "label_uz": pension.label_uz, "label_tg": pension.label_tg, "parent": str(pension.parent_id),
    })
    assert response.status_code == 302
    pension.refresh_from_db()
    assert pension.label_en == "Pension refused or cut"
    entry = AuditEntry.objects.get(action="term.update", object_id=str(pension.pk))
    assert entry.programme is None and entry.changes["label_en"]["old"] == "Pension refused"


def test_a_site_administrator_can_add_a_shared_term(cast, as_user):
    admin = make_user("siteadmin", is_superuser=True)
    url = reverse("evidence:vocabulary_term_create", args=[cast.programme.pk, "intervention"])
    response = as_user(admin).post(url, {"label_en": "Hotline call", "shared": "on"})
    assert response.status_code == 302
    assert Term.objects.get(label_en="Hotline call").programme is None


@pytest.mark.parametrize("person", ["mentor_a", "researcher_a", "coresearcher_a", "researcher_b"])
def test_team_members_can_read_but_not_change_terms(cast, as_user, own_terms, person):
    first, *_ = own_terms
    client = recently_reauthenticated(as_user(getattr(cast, person)))
    page = client.get(list_url(cast, "violation")).content.decode()
    assert "Forced unpaid overtime" in page and term_url("vocabulary_term_edit", cast, first) not in page
    assert client.get(term_url("vocabulary_term_edit", cast, first)).status_code == 404
    assert client.post(term_url("vocabulary_term_retire", cast, first)).status_code == 404
    assert client.post(term_url("vocabulary_term_move", cast, first), {"direction": "up"}).status_code == 404
    url = reverse("evidence:vocabulary_term_create", args=[cast.programme.pk, "violation"])
    assert client.post(url, {"label_en": "Sneaky"}).status_code == 404
    assert not Term.objects.filter(label_en="Sneaky").exists()


def test_another_programmes_terms_and_pages_answer_404(cast, as_user, own_terms):
    *_, foreign = own_terms
    client = recently_reauthenticated(as_user(cast.coordinator))
    assert client.get(term_url("vocabulary_term_edit", cast, foreign)).status_code == 404
    assert client.post(term_url("vocabulary_term_retire", cast, foreign)).status_code == 404
    assert "Another programme" not in client.get(list_url(cast, "violation")).content.decode()
    other = reverse("evidence:vocabulary_list", args=[cast.other_programme.pk])
    assert client.get(other).status_code == 404
    assert client.get(term_url("vocabulary_term_edit", cast, foreign, cast.other_programme)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.is_active


def test_an_unknown_vocabulary_answers_404(cast, as_user):
    url = reverse("evidence:vocabulary_term_create", args=[cast.programme.pk, "nonsense"])
    assert as_user(cast.coordinator).get(url).status_code == 404


@pytest.mark.parametrize(("q", "found"), [
    ("ички", "Internal migrant"), ("МИГРАНТКА", "Returned migrant"), ("Farg'ona", "Fergana Region"),
    ("fargona", "Fergana Region"), ("qoraqalpogʻ", "Republic of Karakalpakstan"),
])
def test_search_finds_terms_in_any_language(cast, as_user, q, found):
    vocabulary = "region" if found.endswith(("Region", "Karakalpakstan")) else "migrant_status"
    page = as_user(cast.mentor_a).get(list_url(cast, vocabulary, q=q)).content.decode()
    assert found in page


def test_the_region_list_filters_by_country(cast, as_user):
    page = as_user(cast.mentor_a).get(list_url(cast, "region", country="TJ")).content.decode()
    assert "Khatlon Region" in page and "Fergana Region" not in page


def test_the_list_page_needs_few_queries(cast, as_user, own_terms, django_assert_max_num_queries):
    client = as_user(cast.coordinator)
    client.get(list_url(cast, "region"))
    with django_assert_max_num_queries(12):
        response = client.get(list_url(cast, "region"))
    assert response.status_code == 200
