"""The codebook pages, used through HTTP: the tree with what each person may count, and every change to it."""

from django.urls import reverse

from ovoz.analysis.models import Code, Coding
from ovoz.analysis.services.codes import code_create
from ovoz.analysis.services.codings import coding_create
from ovoz.audit.models import AuditEntry


def _codes_on_page(response):
    return {code.pk: code for group in response.context["groups"] for code in [*group["codes"], *group["retired"]]}


def test_the_codebook_counts_only_codings_on_sources_the_person_may_analyse(analysis, as_user):
    c = analysis
    coding_create(actor=c.researcher_a, source=c.s_refused, codes=[c.wage], start=0, end=3)
    url = reverse("analysis:codebook", args=[c.programme.pk])
    mine = _codes_on_page(as_user(c.researcher_a).get(url))
    assert mine[c.wage.pk].usage == 1  # the refused source's coding is not counted
    theirs = _codes_on_page(as_user(c.researcher_b).get(url))
    assert theirs[c.wage.pk].usage == 1  # B's own coding only
    # Neither coded source is shared with the programme: the coordinator counts none.
    assert _codes_on_page(as_user(c.coordinator).get(url))[c.wage.pk].usage == 0


def test_a_researcher_sees_the_programme_codebook_and_her_partnerships_codes_only(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).get(reverse("analysis:codebook", args=[c.programme.pk]))
    codes = _codes_on_page(response)
    assert c.own_a.pk in codes and c.own_b.pk not in codes
    assert [g["name"] for g in response.context["groups"]] == ["Programme codebook", "Partner A"]


def test_a_coordinator_sees_every_partnerships_codes_grouped(analysis, as_user):
    c = analysis
    response = as_user(c.coordinator).get(reverse("analysis:codebook", args=[c.programme.pk]))
    groups = {g["name"]: [code.pk for code in g["codes"]] for g in response.context["groups"]}
    assert groups["Partner A"] == [c.own_a.pk] and groups["Partner B"] == [c.own_b.pk]
    assert c.wage.pk in groups["Programme codebook"]


def test_the_tree_nests_sub_codes_under_their_parent(analysis, as_user):
    c = analysis
    child = code_create(actor=c.coordinator, programme=c.programme, parent=c.wage, name_en="Unpaid overtime")
    response = as_user(c.researcher_a).get(reverse("analysis:codebook", args=[c.programme.pk]))
    programme_codes = response.context["groups"][0]["codes"]
    i = [code.pk for code in programme_codes].index(c.wage.pk)
    assert programme_codes[i + 1].pk == child.pk and programme_codes[i + 1].depth == programme_codes[i].depth + 1


def test_search_finds_codes_by_a_name_in_any_language_or_the_definition(analysis, as_user):
    c = analysis
    url = reverse("analysis:codebook", args=[c.programme.pk])
    client = as_user(c.researcher_a)
    found = _codes_on_page(client.get(url, {"q": "прожиточная"}))  # Russian, lower case
    assert set(found) == {c.wage.pk}
    found = _codes_on_page(client.get(url, {"q": "withheld wages"}))  # from the definition
    assert c.wage.pk in found


def test_retired_codes_are_listed_apart_collapsed(analysis, as_user):
    c = analysis
    as_user(c.coordinator).post(reverse("analysis:code_retire", args=[c.social.pk]))
    response = as_user(c.researcher_a).get(reverse("analysis:codebook", args=[c.programme.pk]))
    programme = response.context["groups"][0]
    assert c.social.pk not in [code.pk for code in programme["codes"]]
    assert c.social.pk in [code.pk for code in programme["retired"]]
    assert "<details>" in response.content.decode()


def test_the_codebook_page_does_not_query_per_code(analysis, as_user, django_assert_max_num_queries):
    c = analysis
    for i in range(40):
        code_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, name_en=f"Extra {i}", parent=c.own_a)
    client = as_user(c.researcher_a)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("analysis:codebook", args=[c.programme.pk])).status_code == 200


def test_the_seed_button_shows_for_a_coordinator_until_the_codebook_is_seeded(cast, as_user):
    url = reverse("analysis:codebook", args=[cast.programme.pk])
    client = as_user(cast.coordinator)
    assert client.get(url).context["can_seed"] is True
    response = client.post(reverse("analysis:codebook_seed", args=[cast.programme.pk]))
    assert response.status_code == 302
    assert Code.objects.filter(programme=cast.programme, seed_key="focus:living-wage").exists()
    assert client.get(url).context["can_seed"] is False
    assert as_user(cast.researcher_a).post(reverse("analysis:codebook_seed", args=[cast.programme.pk])).status_code \
        == 404


def test_a_researcher_adds_a_code_to_her_partnership_with_five_names_and_a_colour(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(reverse("analysis:code_create", args=[c.programme.pk]), {
        "partnership": str(c.a.pk), "name_en": "Passport taken", "name_ru": "Паспорт отобрали",
        "name_ky": "Паспорт алынды", "name_uz": "Pasport olib qoʻyildi", "name_tg": "Шиносномаро гирифтанд",
        "definition": "The employer keeps her passport.", "colour": "#123ABC", "parent": str(c.own_a.pk),
    })
    code = Code.objects.get(name_en="Passport taken")
    assert response.status_code == 302 and response["Location"] == reverse("analysis:code_detail", args=[code.pk])
    assert code.partnership == c.a and code.parent == c.own_a and code.colour == "#123abc"
    assert code.name("ru") == "Паспорт отобрали"
    assert AuditEntry.objects.filter(action="code.create", object_id=str(code.pk)).exists()


def test_a_researcher_cannot_add_to_the_programme_codebook(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(reverse("analysis:code_create", args=[c.programme.pk]), {
        "partnership": "", "name_en": "Sneaky", "colour": "#123abc"})
    assert response.status_code == 400 and not Code.objects.filter(name_en="Sneaky").exists()


def test_a_bad_colour_is_refused_with_a_clear_error(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(reverse("analysis:code_edit", args=[c.own_a.pk]), {
        "name_en": "Debt bondage (A)", "colour": "red"})
    assert response.status_code == 400 and "#rrggbb" in response.content.decode()


def test_editing_a_code_changes_its_names_and_criteria(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(reverse("analysis:code_edit", args=[c.own_a.pk]), {
        "name_en": "Debt bondage", "name_ru": "Долговая кабала", "inclusion": "Debts to the recruiter.",
        "colour": "#aa0000"})
    assert response.status_code == 302
    c.own_a.refresh_from_db()
    assert (c.own_a.name_en, c.own_a.name_ru, c.own_a.inclusion) == ("Debt bondage", "Долговая кабала",
                                                                    "Debts to the recruiter.")


def test_the_other_partnership_gets_404_on_a_partnerships_codes(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_b)
    for name in ("code_detail", "code_edit", "code_move", "code_merge", "code_split", "code_delete"):
        assert client.get(reverse(f"analysis:{name}", args=[c.own_a.pk])).status_code == 404, name
    assert client.post(reverse("analysis:code_retire", args=[c.own_a.pk])).status_code == 404
    # A programme code is read by everyone, but changed only by coordinators.
    assert client.get(reverse("analysis:code_detail", args=[c.wage.pk])).status_code == 200
    assert client.get(reverse("analysis:code_edit", args=[c.wage.pk])).status_code == 404


def test_a_co_researcher_gets_404_on_the_codebook_pages(analysis, as_user):
    c = analysis
    client = as_user(c.coresearcher_a)
    assert client.get(reverse("analysis:codebook", args=[c.programme.pk])).status_code == 404
    assert client.get(reverse("analysis:code_detail", args=[c.wage.pk])).status_code == 404
    assert client.get(reverse("analysis:code_detail", args=[c.own_a.pk])).status_code == 404


def test_the_code_page_shows_visible_codings_with_their_text_and_source(analysis, as_user):
    c = analysis
    coding_create(actor=c.researcher_a, source=c.s_refused, codes=[c.wage], start=0, end=3)
    page = as_user(c.researcher_a).get(reverse("analysis:code_detail", args=[c.wage.pk])).content.decode()
    assert "Multi-script" in page and "Иш ҳақи тўланмади" in page
    assert "Refused analysis" not in page and "Interview B1" not in page


def test_merging_through_the_pages_asks_first_then_moves_the_codings(analysis, as_user):
    c = analysis
    other = code_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, name_en="Unpaid (A)")
    moving = coding_create(actor=c.researcher_a, source=c.s_multi, codes=[other], start=19, end=30)[0]
    client = as_user(c.researcher_a)
    url = reverse("analysis:code_merge", args=[other.pk])
    confirm = client.get(url, {"into": c.own_a.pk})
    assert confirm.status_code == 200 and confirm.context["visible_moving"] == 1
    assert Coding.objects.get(pk=moving.pk).code_id == other.pk  # nothing moved yet
    response = client.post(url, {"into": c.own_a.pk, "confirm": "1"})
    assert response.status_code == 302
    assert Coding.objects.get(pk=moving.pk).code_id == c.own_a.pk
    other.refresh_from_db()
    assert other.merged_into_id == c.own_a.pk and other.is_retired


def test_a_partnership_code_cannot_be_merged_into_the_other_partnerships_code(analysis, as_user):
    c = analysis
    response = as_user(c.coordinator).post(reverse("analysis:code_merge", args=[c.own_a.pk]),
                                           {"into": c.own_b.pk, "confirm": "1"})
    assert response.status_code == 400
    c.own_a.refresh_from_db()
    assert not c.own_a.is_retired


def test_splitting_moves_the_ticked_codings_to_a_new_code(analysis, as_user):
    c = analysis
    first, second = (coding_create(actor=c.researcher_a, source=c.s_multi, codes=[c.own_a], start=s, end=e)[0]
                     for s, e in ((0, 5), (19, 30)))
    client = as_user(c.researcher_a)
    url = reverse("analysis:code_split", args=[c.own_a.pk])
    page = client.get(url)
    assert {coding.pk for coding in page.context["page"]} == {first.pk, second.pk}
    response = client.post(url, {"name_en": "Boys' work", "codings": [second.pk]})
    new = Code.objects.get(name_en="Boys' work")
    assert response.status_code == 302
    assert Coding.objects.get(pk=second.pk).code == new and Coding.objects.get(pk=first.pk).code == c.own_a


def test_splitting_cannot_move_a_coding_the_person_may_not_see(analysis, as_user):
    c = analysis
    response = as_user(c.coordinator).post(reverse("analysis:code_split", args=[c.wage.pk]),
                                           {"name_en": "Grab", "codings": [c.coding_b.pk]})
    assert response.status_code == 400 and not Code.objects.filter(name_en="Grab").exists()
    assert Coding.objects.get(pk=c.coding_b.pk).code == c.wage


def test_moving_a_code_places_it_under_another(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(reverse("analysis:code_move", args=[c.own_a.pk]),
                                            {"parent": c.wage.pk})
    assert response.status_code == 302
    c.own_a.refresh_from_db()
    assert c.own_a.parent == c.wage


def test_a_code_cannot_be_moved_under_its_own_sub_code(analysis, as_user):
    c = analysis
    child = code_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, parent=c.own_a, name_en="Sub")
    response = as_user(c.researcher_a).post(reverse("analysis:code_move", args=[c.own_a.pk]), {"parent": child.pk})
    assert response.status_code == 400  # not even offered
    c.own_a.refresh_from_db()
    assert c.own_a.parent is None


def test_retiring_and_restoring_keep_the_codings(analysis, as_user):
    c = analysis
    client = as_user(c.coordinator)
    client.post(reverse("analysis:code_retire", args=[c.wage.pk]))
    c.wage.refresh_from_db()
    assert c.wage.is_retired and Coding.objects.filter(code=c.wage).count() == 2
    client.post(reverse("analysis:code_restore", args=[c.wage.pk]))
    c.wage.refresh_from_db()
    assert not c.wage.is_retired


def test_only_an_unused_code_can_be_deleted_after_a_confirmation(analysis, as_user):
    c = analysis
    client = as_user(c.coordinator)
    page = client.get(reverse("analysis:code_delete", args=[c.wage.pk]))
    assert page.context["in_use"] is True
    client.post(reverse("analysis:code_delete", args=[c.wage.pk]))
    assert Code.objects.filter(pk=c.wage.pk).exists()
    unused = code_create(actor=c.coordinator, programme=c.programme, name_en="Unused")
    assert client.get(reverse("analysis:code_delete", args=[unused.pk])).context["in_use"] is False
    response = client.post(reverse("analysis:code_delete", args=[unused.pk]))
    assert response.status_code == 302 and not Code.objects.filter(pk=unused.pk).exists()
