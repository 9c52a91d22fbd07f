"""Rights mapping: the seeded violation types are linked to articles; codes are linked by whoever may edit them."""

import pytest
from django.urls import reverse

from ovoz.evidence.models import Term
from ovoz.mechanisms.models import RightsMapping
from tests.mechanisms.conftest import article


def test_the_violation_types_are_mapped_to_the_articles_of_the_brief(db):
    def articles(code):
        return {str(m.article) for m in RightsMapping.objects.filter(term__vocabulary="violation", term__code=code)}

    assert {"ICESCR art. 7", "ICRMW art. 25", "CEDAW art. 11"} <= articles("unpaid-wages")
    assert "ICESCR art. 9" in articles("social-protection")
    assert "CEDAW art. 16" in articles("forced-marriage")
    assert "ILO C190 art. 1" in articles("sexual-assault")
    assert "ICCPR art. 9" in articles("arbitrary-detention")
    assert "ICRMW art. 21" in articles("confiscated-documents")


@pytest.fixture
def codes(analysis):
    return analysis


def test_a_researcher_maps_her_partnerships_code_and_researcher_b_cannot_remove_it(codes, as_user):
    c = codes
    art = article("cedaw:11")
    response = as_user(c.researcher_a).post(reverse("mechanisms:mapping"), {"article": art.pk, "code": c.own_a.pk})
    assert response.status_code == 302
    mapping = RightsMapping.objects.get(code=c.own_a)
    assert as_user(c.researcher_b).get(reverse("mechanisms:mapping")).content.decode().count("Debt bondage") == 0
    assert as_user(c.researcher_b).post(reverse("mechanisms:mapping_delete", args=[mapping.pk])).status_code == 404
    assert as_user(c.researcher_a).post(reverse("mechanisms:mapping_delete", args=[mapping.pk])).status_code == 302
    assert not RightsMapping.objects.filter(pk=mapping.pk).exists()


def test_a_researcher_cannot_map_another_partnerships_code_or_a_violation_type(codes, as_user):
    c = codes
    art = article("cedaw:11")
    term = Term.objects.get(vocabulary="violation", code="pension")
    client = as_user(c.researcher_a)
    assert client.post(reverse("mechanisms:mapping"), {"article": art.pk, "code": c.own_b.pk}).status_code == 200
    assert client.post(reverse("mechanisms:mapping"), {"article": art.pk, "term": term.pk}).status_code == 200
    assert not RightsMapping.objects.filter(article=art, code=c.own_b).exists()
    assert not RightsMapping.objects.filter(article=art, term=term).exists()


def test_a_coordinator_maps_a_violation_type_once(codes, as_user):
    c = codes
    art = article("cedaw:11")
    term = Term.objects.get(vocabulary="violation", code="pension")
    client = as_user(c.coordinator)
    assert client.post(reverse("mechanisms:mapping"), {"article": art.pk, "term": term.pk}).status_code == 302
    response = client.post(reverse("mechanisms:mapping"), {"article": art.pk, "term": term.pk})
    assert response.status_code == 200 and "exists already" in response.content.decode()
    assert RightsMapping.objects.filter(article=art, term=term).count() == 1
