"""/api/v1/publishing: findings with strength, publications with their disclosure check, workflow and renders;
other partnerships get 404, and the gate refuses approval over the API as on the pages."""

import io

import pypdf

from ovoz.publishing.models import Block, Publication
from tests.api.conftest import api_as  # noqa: F401  (fixture)


def test_the_team_lists_its_publications_and_others_get_404(briefer, api_as):  # noqa: F811
    c = briefer
    assert [p["slug"] for p in api_as(c.researcher_a).get("/publishing/publications").json()["items"]] == [c.pub.slug]
    assert api_as(c.researcher_b).get(f"/publishing/publications/{c.pub.pk}").status_code == 404
    assert api_as(c.coresearcher_a).get(f"/publishing/publications/{c.pub.pk}/disclosure").status_code == 404


def test_the_disclosure_check_names_each_problem(briefer, api_as):  # noqa: F811
    c = briefer
    Block.objects.create(section=c.voices, kind="quote", coding=c.quote_refused)
    problems = api_as(c.researcher_a).get(f"/publishing/publications/{c.pub.pk}/disclosure").json()
    assert [p["rule"] for p in problems] == ["quote_consent"] and not problems[0]["overridden"]


def test_the_gate_refuses_approval_over_the_api(briefer, api_as):  # noqa: F811
    c = briefer
    Block.objects.create(section=c.voices, kind="quote", coding=c.quote_refused)
    Publication.objects.filter(pk=c.pub.pk).update(status="reviewed")
    response = api_as(c.coordinator).post(f"/publishing/publications/{c.pub.pk}/workflow", {"step": "approve"})
    assert response.status_code == 400 and "disclosure gate" in response.json()["detail"]


def test_a_finding_is_created_and_read_with_its_strength(briefer, api_as):  # noqa: F811
    c = briefer
    api = api_as(c.researcher_a)
    made = api.post(f"/publishing/programmes/{c.programme.pk}/findings",
                    {"statement": "Wages are withheld.", "partnership_id": c.a.pk})
    assert made.status_code == 201 and made.json()["strength"]["state"] == "unsupported"
    assert api_as(c.researcher_b).get(f"/publishing/findings/{made.json()['id']}").status_code == 404
    assert api_as(c.researcher_b).post(f"/publishing/programmes/{c.programme.pk}/findings",
                                       {"statement": "x", "partnership_id": c.a.pk}).status_code == 404


def test_the_draft_renders_as_pdf(briefer, api_as):  # noqa: F811
    c = briefer
    response = api_as(c.researcher_a).get(f"/publishing/publications/{c.pub.pk}/render", {"format": "pdf"})
    assert response.status_code == 200
    assert "Labour rights" in pypdf.PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
