"""The incident form offers the vocabularies' terms: the shared ones and the programme's own, never another's."""

from types import SimpleNamespace

from ovoz.evidence.models import Term
from ovoz.evidence.services.incidents import terms_for


def make_terms(programme=None) -> SimpleNamespace:
    """The terms the incident tests use (the seed's codes, so the seed and these live side by side)."""

    def term(vocabulary, code, label, **extra):
        return Term.objects.get_or_create(vocabulary=vocabulary, code=code, defaults={"label_en": label, **extra})[0]

    labour = term("violation", "labour-rights", "Labour rights violations", huridocs_code="04-30")
    terms = SimpleNamespace(
        labour=labour,
        unpaid=term("violation", "unpaid-wages", "Unpaid or withheld wages", parent=labour,
                    huridocs_code="04-30010202"),
        gbv=term("violation", "gbv", "Gender-based violence"),
        employer=term("perpetrator", "employer", "Employer"),
        police=term("perpetrator", "police", "Police"),
        inspection=term("intervention", "labour-inspection", "Complaint to the labour inspection"),
        court=term("intervention", "court", "Court case"),
        right_work=term("right", "icescr-7", "Just and favourable conditions of work (ICESCR art. 7)"),
        chuy=term("region", "kg-chuy", "Chüy Region", country="KG"),
        sughd=term("region", "tj-sughd", "Sughd Region", country="TJ"),
    )
    if programme is not None:
        terms.own = Term.objects.create(vocabulary="violation", code="programme-own-act", label_en="Our own act",
                                        programme=programme)
    return terms


def test_a_programme_sees_shared_terms_and_its_own_but_not_another_programmes(cast):
    terms = make_terms(cast.programme)
    other = Term.objects.create(vocabulary="violation", code="elsewhere", label_en="Elsewhere",
                                programme=cast.other_programme)
    offered = set(terms_for("violation", cast.programme))
    assert {terms.unpaid, terms.gbv, terms.own} <= offered
    assert other not in offered
    retired = Term.objects.create(vocabulary="violation", code="retired", label_en="Retired", is_active=False)
    assert retired not in set(terms_for("violation", cast.programme))


def test_the_incident_form_lists_act_types_with_their_labels_in_her_language(evidence, as_user):
    terms = make_terms()
    terms.unpaid.label_ru = "Невыплата заработной платы"
    terms.unpaid.save()
    Term.objects.create(vocabulary="violation", code="test-english-only", label_en="Only named in English")
    evidence.researcher_a.language = "ru"
    evidence.researcher_a.save()
    page = as_user(evidence.researcher_a).get(f"/partnerships/{evidence.a.pk}/incidents/new/")
    assert page.status_code == 200
    assert "Невыплата заработной платы" in page.content.decode()
    assert "Only named in English" in page.content.decode()  # no Russian label: the English one
