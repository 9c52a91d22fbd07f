"""Memos through HTTP: written on what one may see, listed and filtered, changed only by their author."""

from django.urls import reverse

from ovoz.analysis.models import Memo
from ovoz.analysis.services.memos import memo_create
from ovoz.audit.models import AuditEntry


def _create_url(**params):
    from django.utils.http import urlencode

    return reverse("analysis:memo_create") + "?" + urlencode(params)


def test_a_researcher_writes_a_memo_on_a_code_and_returns_to_the_page_she_came_from(analysis, as_user):
    c = analysis
    back = reverse("analysis:code_detail", args=[c.own_a.pk])
    response = as_user(c.researcher_a).post(_create_url(code=c.own_a.pk, next=back),
                                            {"title": "Pattern", "text": "Recruiters lend the fare."})
    assert response.status_code == 302 and response["Location"] == back
    memo = Memo.objects.get(title="Pattern")
    assert memo.code == c.own_a and memo.partnership == c.a and memo.author == c.researcher_a
    entry = AuditEntry.objects.get(action="memo.create", object_id=str(memo.pk))
    assert "Recruiters" not in str(entry.changes)  # the text is audited sealed
    assert "Recruiters lend the fare." in as_user(c.researcher_a).get(back).content.decode()


def test_a_next_address_on_another_site_is_not_followed(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(_create_url(code=c.own_a.pk, next="https://evil.example/"),
                                            {"text": "A memo."})
    assert response.status_code == 302 and response["Location"] == reverse("analysis:code_detail", args=[c.own_a.pk])


def test_a_researchers_memo_on_a_programme_code_stays_with_her_partnership(analysis, as_user):
    c = analysis
    as_user(c.researcher_a).post(_create_url(code=c.wage.pk), {"text": "In A, wages are late by months."})
    memo = Memo.objects.get(text__startswith="In A")
    assert memo.partnership == c.a
    page_b = as_user(c.researcher_b).get(reverse("analysis:code_detail", args=[c.wage.pk])).content.decode()
    assert "wages are late" not in page_b
    page_coord = as_user(c.coordinator).get(reverse("analysis:code_detail", args=[c.wage.pk])).content.decode()
    assert "wages are late" in page_coord


def test_memos_on_a_coding_and_a_source_follow_the_evidence(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_a)
    assert client.post(_create_url(coding=c.coding_a.pk), {"text": "Coding memo."}).status_code == 302
    assert client.post(_create_url(source=c.s_multi.pk), {"text": "Source memo."}).status_code == 302
    assert Memo.objects.get(text="Coding memo.").coding == c.coding_a
    assert Memo.objects.get(text="Source memo.").source == c.s_multi
    other = as_user(c.researcher_b)
    assert other.get(_create_url(coding=c.coding_a.pk)).status_code == 404
    assert other.get(_create_url(source=c.s_multi.pk)).status_code == 404
    # No memo on a source whose participant refused analysis.
    assert client.get(_create_url(source=c.s_refused.pk)).status_code == 404


def test_project_memos_of_a_partnership_and_of_the_programme(analysis, as_user):
    c = analysis
    assert as_user(c.researcher_a).post(_create_url(partnership=c.a.pk), {"text": "A's plan."}).status_code == 302
    assert as_user(c.researcher_a).get(_create_url(programme=c.programme.pk)).status_code == 404
    assert as_user(c.researcher_b).get(_create_url(partnership=c.a.pk)).status_code == 404
    assert as_user(c.coordinator).post(_create_url(programme=c.programme.pk),
                                       {"text": "Programme note."}).status_code == 302
    programme_memo = Memo.objects.get(text="Programme note.")
    assert programme_memo.partnership is None and programme_memo.target_kind == "project"
    listing = as_user(c.researcher_b).get(reverse("analysis:memo_list", args=[c.programme.pk])).content.decode()
    assert "Programme note." in listing and "A&#x27;s plan." not in listing and "A's plan." not in listing


def test_a_memo_needs_text(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).post(_create_url(code=c.own_a.pk), {"text": "  "})
    assert response.status_code == 400 and not Memo.objects.exists()


def test_the_memo_list_filters_by_kind_author_partnership_and_words(analysis, as_user):
    c = analysis
    memo_create(actor=c.researcher_a, programme=c.programme, code=c.own_a, text="About debts.")
    memo_create(actor=c.mentor_a, programme=c.programme, source=c.s_multi, text="About the boys.")
    memo_create(actor=c.coordinator, programme=c.programme, text="About the programme.")
    client = as_user(c.researcher_a)
    url = reverse("analysis:memo_list", args=[c.programme.pk])

    def texts(**params):
        return {m.text for m in client.get(url, params).context["page"]}

    assert texts() == {"About debts.", "About the boys.", "About the programme."}
    assert texts(kind="source") == {"About the boys."}
    assert texts(kind="project") == {"About the programme."}
    assert texts(author=c.mentor_a.pk) == {"About the boys."}
    assert texts(partnership=0) == {"About the programme."}
    assert texts(partnership=c.a.pk) == {"About debts.", "About the boys."}
    assert texts(q="debts") == {"About debts."}


def test_only_the_author_edits_or_deletes_a_memo(analysis, as_user):
    c = analysis
    memo = memo_create(actor=c.researcher_a, programme=c.programme, code=c.own_a, text="Mine.")
    for user in (c.mentor_a, c.coordinator, c.researcher_b):
        client = as_user(user)
        assert client.get(reverse("analysis:memo_edit", args=[memo.pk])).status_code == 404
        assert client.post(reverse("analysis:memo_delete", args=[memo.pk])).status_code == 404
    client = as_user(c.researcher_a)
    client.post(reverse("analysis:memo_edit", args=[memo.pk]), {"title": "", "text": "Mine, changed."})
    memo.refresh_from_db()
    assert memo.text == "Mine, changed."
    assert client.get(reverse("analysis:memo_delete", args=[memo.pk])).status_code == 200  # asks first
    client.post(reverse("analysis:memo_delete", args=[memo.pk]))
    assert not Memo.objects.filter(pk=memo.pk).exists()


def test_co_researchers_and_viewers_get_404_on_the_memo_list(analysis, as_user):
    c = analysis
    url = reverse("analysis:memo_list", args=[c.programme.pk])
    assert as_user(c.coresearcher_a).get(url).status_code == 404
    assert as_user(c.viewer).get(url).status_code == 404
    assert as_user(c.coresearcher_a).get(_create_url(code=c.own_a.pk)).status_code == 404


def test_the_memo_list_does_not_query_per_memo(analysis, as_user, django_assert_max_num_queries):
    c = analysis
    for i in range(30):
        memo_create(actor=c.researcher_a, programme=c.programme, coding=c.coding_a, text=f"Memo {i}")
    client = as_user(c.researcher_a)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("analysis:memo_list", args=[c.programme.pk])).status_code == 200
