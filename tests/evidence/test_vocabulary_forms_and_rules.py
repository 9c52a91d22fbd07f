"""Forms everywhere name terms in the reader's language; the rules that keep vocabularies meaningful."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from ovoz.evidence.forms.vocabulary import term_field
from ovoz.evidence.models import Incident, Participant, Term
from ovoz.evidence.services.vocabulary import (
    fold,
    term_create,
    term_retire,
    term_update,
    term_usage,
)


def shared(vocabulary, code):
    return Term.objects.get(vocabulary=vocabulary, code=code, programme__isnull=True)


class ActForm(forms.Form):
    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["act_type"] = term_field("violation", programme, required=True)
        self.fields["rights"] = term_field("right", programme, multiple=True)


@pytest.mark.parametrize(("language", "label"), [
    ("en", "Unpaid or withheld wages"), ("ru", "Невыплата или задержка заработной платы"),
    ("ky", "Эмгек акынын төлөнбөшү же кармалышы"), ("uz", "Ish haqining toʻlanmasligi yoki ushlab qolinishi"),
    ("tg", "Пардохт накардан ё нигоҳ доштани музди меҳнат"),
])
def test_term_fields_name_terms_in_the_active_language(cast, language, label):
    with translation.override(language):
        html = str(ActForm(programme=cast.programme)["act_type"])
    assert f"— {label}" in html  # under "Labour rights violations", so indented


def test_a_plain_model_form_also_shows_the_readers_language(cast):
    form_class = forms.modelform_factory(Participant, fields=["migrant_status"])
    with translation.override("tg"):
        assert "Муҳоҷири дохилӣ" in str(form_class()["migrant_status"])


def test_term_fields_list_parents_before_their_children(cast):
    choices = [t.code for t in ActForm(programme=cast.programme).fields["act_type"].queryset]
    assert choices.index("labour-rights") < choices.index("unpaid-wages") < choices.index("social-protection")
    assert choices.index("gbv") < choices.index("rape")


def test_term_fields_leave_out_retired_terms_and_other_programmes_terms(cast):
    mine = term_create(actor=None, vocabulary="violation", programme=cast.programme, label_en="Mine")
    theirs = term_create(actor=None, vocabulary="violation", programme=cast.other_programme, label_en="Theirs")
    retired = term_create(actor=None, vocabulary="violation", programme=cast.programme, label_en="Old")
    term_retire(actor=None, term=retired)
    codes = set(ActForm(programme=cast.programme).fields["act_type"].queryset.values_list("code", flat=True))
    assert mine.code in codes and theirs.code not in codes and retired.code not in codes
    kept = term_field("violation", cast.programme, include=[retired.pk])
    assert retired in kept.queryset


def test_a_form_accepts_only_offered_terms(cast):
    theirs = term_create(actor=None, vocabulary="violation", programme=cast.other_programme, label_en="Theirs")
    form = ActForm({"act_type": theirs.pk}, programme=cast.programme)
    assert not form.is_valid() and "act_type" in form.errors


def test_usage_counts_every_kind_of_reference(cast):
    term, region = shared("right", "icescr-7"), shared("region", "kg-naryn")
    # Other apps' seeded data may point at the shared terms already (e.g. treaty articles at a right).
    before = sum(term_usage(term).values()), sum(term_usage(region).values())
    incident = Incident.objects.create(partnership=cast.a, title="(fictional) test")
    incident.rights.add(term)
    Participant.objects.create(partnership=cast.a, code="X-1", region_of_origin=region)
    assert term_usage(term).get("incidents") == 1 and sum(term_usage(term).values()) == before[0] + 1
    assert sum(term_usage(region).values()) == before[1] + 1
    assert term_usage(shared("right", "icescr"))  # it has terms under it


def test_terms_have_two_levels_only(cast):
    child = shared("violation", "unpaid-wages")
    with pytest.raises(ValidationError):
        term_create(actor=None, vocabulary="violation", programme=cast.programme, label_en="Too deep", parent=child)
    with pytest.raises(ValidationError):
        term_update(actor=None, term=shared("violation", "labour-rights"), parent=shared("violation", "gbv"))


def test_a_broader_term_must_be_in_the_same_vocabulary_and_visible(cast):
    with pytest.raises(ValidationError):
        term_create(actor=None, vocabulary="violation", programme=cast.programme, label_en="X",
                    parent=shared("perpetrator", "employer"))
    theirs = term_create(actor=None, vocabulary="violation", programme=cast.other_programme, label_en="Theirs")
    with pytest.raises(ValidationError):
        term_create(actor=None, vocabulary="violation", programme=cast.programme, label_en="Y", parent=theirs)
    mine = term_create(actor=None, vocabulary="violation", programme=cast.programme, label_en="Mine")
    with pytest.raises(ValidationError):
        term_create(actor=None, vocabulary="violation", programme=None, label_en="Shared", parent=mine)


def test_retiring_a_broader_term_retires_the_terms_under_it(cast):
    retired = term_retire(actor=None, term=shared("violation", "police-abuse"))
    assert {t.code for t in retired} == {"police-abuse", "police-extortion", "arbitrary-detention"}
    assert not shared("violation", "arbitrary-detention").is_active


def test_codes_are_stable_and_unique(cast):
    a = term_create(actor=None, vocabulary="perpetrator", programme=cast.programme, label_en="Landlord")
    b = term_create(actor=None, vocabulary="perpetrator", programme=cast.programme, label_en="Landlord")
    assert a.code != b.code
    term_update(actor=None, term=a, label_en="Landlady")
    a.refresh_from_db()
    assert a.code == f"p{cast.programme.pk}-landlord"


def test_search_folding_ignores_case_and_uzbek_apostrophe_variants():
    assert fold("Fargʻona") == fold("FARG'ONA") == fold("Farg‘ona") == fold("fargona")
    assert fold("МИГРАНТКА") == fold("мигрантка")
