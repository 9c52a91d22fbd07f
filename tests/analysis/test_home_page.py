"""The analysis home lists the sources a person may analyse, and nothing else."""

from django.urls import reverse


def test_a_researcher_sees_her_partnerships_analysable_sources_only(analysis, as_user):
    c = analysis
    page = as_user(c.researcher_a).get(reverse("analysis:index")).content.decode()
    assert "Multi-script" in page and "Interview A1" in page
    assert "Refused analysis" not in page  # no consent to analysis
    assert "Interview B1" not in page


def test_the_list_filters_by_title(analysis, as_user):
    c = analysis
    page = as_user(c.researcher_a).get(reverse("analysis:index"), {"q": "multi"}).content.decode()
    assert "Multi-script" in page and "Interview A1" not in page


def test_an_outsider_sees_an_empty_list(analysis, as_user):
    page = as_user(analysis.outsider).get(reverse("analysis:index")).content.decode()
    assert "Multi-script" not in page and "Interview B1" not in page


def test_the_home_page_does_not_query_per_source(analysis, as_user, django_assert_max_num_queries):
    from ovoz.evidence.models import Source

    c = analysis
    for i in range(30):
        Source.objects.create(partnership=c.a, kind="interview", title=f"Extra {i}", transcript="x")
    client = as_user(c.researcher_a)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("analysis:index")).status_code == 200
