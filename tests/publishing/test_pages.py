"""Building a briefer through the pages: pick a quote, see the gate stop a non-consented one, publish, read it
on the public page; other partnerships get 404 everywhere."""

import pytest
from django.urls import reverse

from ovoz.publishing.models import Block, Finding, Publication


def test_a_researcher_picks_a_quote_and_it_appears_in_the_editor(briefer, as_user):
    c = briefer
    client = as_user(c.researcher_a)
    picker = client.get(reverse("publishing:quote_picker", args=[c.voices.pk])).content.decode()
    assert "Иш ҳақи тўланмади." in picker
    assert "a participant did not allow quotes" in picker  # a2's segment is marked
    url = reverse("publishing:block_add", args=[c.voices.pk, "quote"]) + f"?coding={c.quote_ok.pk}"
    response = client.post(url, {"quote_text": "Иш ҳақи тўланмади.", "quote_translation": "The wages were not paid.",
                                 "attribution_fields": []})
    assert response.status_code == 302
    editor = client.get(reverse("publishing:editor", args=[c.pub.pk])).content.decode()
    assert "The wages were not paid." in editor


def test_the_gate_page_lists_a_non_consented_quote_and_the_workflow_stops_there(briefer, as_user):
    c = briefer
    Block.objects.create(section=c.voices, kind="quote", coding=c.quote_refused)
    Publication.objects.filter(pk=c.pub.pk).update(status="reviewed")
    gate = as_user(c.researcher_a).get(reverse("publishing:gate", args=[c.pub.pk])).content.decode()
    assert "did not allow anonymous quotes" in gate
    response = as_user(c.coordinator).post(reverse("publishing:workflow", args=[c.pub.pk]), {"step": "approve"})
    assert response.url == reverse("publishing:gate", args=[c.pub.pk])
    assert Publication.objects.get(pk=c.pub.pk).status == "reviewed"


def test_a_coordinator_overrides_with_a_reason_then_approves_and_publishes(briefer, as_user):
    c = briefer
    block = Block.objects.create(section=c.voices, kind="quote", coding=c.quote_refused)
    Publication.objects.filter(pk=c.pub.pk).update(status="reviewed")
    client = as_user(c.coordinator)
    client.post(reverse("publishing:override", args=[c.pub.pk]), {
        "rule": "quote_consent", "key": f"block:{block.pk}", "reason": "She confirmed by phone; the form follows."})
    client.post(reverse("publishing:workflow", args=[c.pub.pk]), {"step": "approve"})
    client.post(reverse("publishing:workflow", args=[c.pub.pk]), {"step": "publish"})
    assert Publication.objects.get(pk=c.pub.pk).status == "published"
    public = client.get(reverse("publishing:public_detail", args=[c.pub.slug])).content.decode()
    assert "Labour rights of women internal migrants" in public


def test_the_public_page_lists_only_published_versions_and_needs_no_account(briefer, client):
    c = briefer
    assert c.pub.title not in client.get(reverse("publishing:public_list")).content.decode()
    assert client.get(reverse("publishing:public_detail", args=[c.pub.slug])).status_code == 404


@pytest.mark.parametrize("name,arg", [("editor", "pub"), ("gate", "pub"), ("quote_picker", "voices")])
def test_another_partnerships_researcher_gets_404(briefer, as_user, name, arg):
    c = briefer
    target = getattr(c, arg)
    assert as_user(c.researcher_b).get(reverse(f"publishing:{name}", args=[target.pk])).status_code == 404
    assert as_user(c.coresearcher_a).get(reverse(f"publishing:{name}", args=[target.pk])).status_code == 404


def test_a_researcher_cannot_pick_a_quote_from_another_partnership(briefer, as_user):
    c = briefer
    url = reverse("publishing:block_add", args=[c.voices.pk, "quote"]) + f"?coding={c.coding_b.pk}"
    response = as_user(c.researcher_a).post(url, {"quote_text": "x"})
    assert response.status_code == 302 and "quotes" in response.url  # back to the picker, nothing added
    assert not Block.objects.filter(coding=c.coding_b).exists()


def test_findings_show_their_strength_and_link_evidence(briefer, as_user):
    c = briefer
    client = as_user(c.researcher_a)
    response = client.post(reverse("publishing:finding_create", args=[c.programme.pk]) + f"?partnership={c.a.pk}",
                           {"statement": "Wages are withheld for months.", "status": "draft"})
    finding = Finding.objects.get(statement="Wages are withheld for months.")
    assert response.url == reverse("publishing:finding_detail", args=[finding.pk])
    client.post(reverse("publishing:finding_link", args=[finding.pk]), {"coding": c.quote_ok.pk})
    page = client.get(reverse("publishing:finding_detail", args=[finding.pk])).content.decode()
    assert "1 sources · 1 participants · 1 partnerships" in page and "holds" in page
    assert as_user(c.researcher_b).post(reverse("publishing:finding_link", args=[finding.pk]),
                                        {"coding": c.coding_b.pk}).status_code == 404


def test_the_finding_list_does_not_query_per_finding(briefer, as_user, django_assert_max_num_queries):
    from ovoz.publishing.services.findings import finding_create, finding_link_add

    c = briefer
    for i in range(15):
        f = finding_create(actor=c.researcher_a, programme=c.programme, partnership=c.a, statement=f"F {i}")
        finding_link_add(actor=c.researcher_a, finding=f, coding=c.quote_ok)
    client = as_user(c.researcher_a)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("publishing:finding_list", args=[c.programme.pk])).status_code == 200
