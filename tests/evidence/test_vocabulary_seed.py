"""The seed migration gives every programme the shared vocabularies, named in the five languages."""

from collections import Counter

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ovoz.evidence import vocabulary_data
from ovoz.evidence.models import Term, Vocabulary

LABELS = ["label_en", "label_ru", "label_ky", "label_uz", "label_tg"]


@pytest.mark.django_db
def test_the_seed_loads_every_vocabulary_with_all_five_labels_filled():
    shared = Term.objects.filter(programme__isnull=True)
    assert set(shared.values_list("vocabulary", flat=True)) == set(Vocabulary.values)
    for term in shared:
        for field in LABELS:
            assert getattr(term, field).strip(), f"{term.vocabulary}/{term.code} has no {field}"


@pytest.mark.django_db
def test_every_seeded_term_is_in_the_database_once_with_a_unique_code():
    expected = Counter((v, t["code"]) for v, terms in vocabulary_data.VOCABULARIES.items() for t in terms)
    assert max(expected.values()) == 1
    found = Counter(Term.objects.filter(programme__isnull=True).values_list("vocabulary", "code"))
    assert found == expected


@pytest.mark.django_db
def test_the_seed_covers_the_design_vocabularies():
    codes = {v: set(Term.objects.filter(vocabulary=v).values_list("code", flat=True)) for v in Vocabulary.values}
    assert {"internal", "returned", "cross-border", "potential", "family-left-behind"} <= codes["migrant_status"]
    gbv = {"rape", "sexual-assault", "physical-assault", "forced-marriage", "denial-of-resources",
           "psychological-abuse"}
    assert gbv <= codes["violation"]
    assert set(Term.objects.filter(code__in=gbv).values_list("parent__code", flat=True)) == {"gbv"}
    assert {"employer", "recruiter", "police", "partner", "in-laws", "countrymen", "unknown"} <= codes["perpetrator"]
    assert {"labour-inspection", "police", "court", "ombudsman", "crisis-centre"} <= codes["intervention"]
    assert {"icescr-6", "icescr-7", "icescr-9", "cedaw-11", "cedaw-14", "cedaw-16", "icrmw", "ilo-c189",
            "ilo-c190", "iccpr"} <= codes["right"]
    assert {"kelin", "head"} <= codes["household_role"]
    assert {"domestic-work", "garment", "unemployed"} <= codes["work_sector"]


@pytest.mark.django_db
def test_regions_cover_four_countries_with_their_cities_of_republican_status():
    regions = Term.objects.filter(vocabulary="region")
    assert set(regions.values_list("country", flat=True)) == {"KG", "TJ", "UZ", "KZ"}
    by_country = Counter(regions.values_list("country", flat=True))
    assert by_country == {"KG": 9, "TJ": 5, "UZ": 14, "KZ": 20}
    for code in ["kg-bishkek", "kg-osh", "tj-dushanbe", "uz-tashkent", "kz-astana", "kz-almaty", "kz-shymkent"]:
        assert regions.filter(code=code).exists()
    assert regions.get(code="uz-fergana").label_uz == "Fargʻona viloyati"


@pytest.mark.django_db
def test_huridocs_codes_name_the_micro_thesaurus_and_a_term():
    codes = Term.objects.exclude(huridocs_code="").values_list("huridocs_code", flat=True)
    assert codes
    for code in codes:
        mt, _, term_code = code.partition("-")
        assert mt in {"03", "04", "06", "20", "24"} and term_code and len(term_code) % 2 == 0, code
    assert Term.objects.get(vocabulary="violation", code="unpaid-wages").huridocs_code == "04-30010202"


@pytest.mark.django_db
def test_uzbek_labels_use_the_turned_comma_and_never_a_plain_apostrophe():
    for label in Term.objects.values_list("label_uz", flat=True):
        assert "'" not in label and "‘" not in label and "’" not in label, label


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_seed_migration_is_reversible_and_loading_twice_adds_nothing():
    executor = MigrationExecutor(connection)
    everything = executor.loader.graph.leaf_nodes()
    executor.migrate([("evidence", "0001_initial")])
    assert not Term.objects.exists()
    executor = MigrationExecutor(connection)
    executor.migrate(everything)
    seeded = Term.objects.count()
    assert seeded == sum(len(t) for t in vocabulary_data.VOCABULARIES.values())
    assert vocabulary_data.load(Term) == 0
    assert Term.objects.count() == seeded
