"""The incident services check what the pages cannot (vocabularies, partnerships, dates, money), describe
dates at their precision, and tell the search index about every change of text."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ovoz.evidence.models import DatePrecision, Incident, Term
from ovoz.evidence.services.attachments import attachment_add, attachment_delete
from ovoz.evidence.services.incidents import describe_when, incident_create, incident_delete, incident_update
from ovoz.evidence.services.sources import source_create, source_delete, source_update
from tests.evidence.test_extract import make_pdf
from tests.evidence.test_incident_vocabulary import make_terms


@pytest.fixture
def terms(cast):
    return make_terms()


def test_dates_are_kept_at_their_precision_and_described_so(evidence, terms):
    incident = incident_create(actor=None, partnership=evidence.a, title="x", date=datetime.date(2023, 7, 19),
                               date_precision=DatePrecision.YEAR)
    assert incident.date == datetime.date(2023, 1, 1) and describe_when(incident) == "2023"
    incident = incident_update(actor=None, incident=incident, date=datetime.date(2023, 7, 19),
                               date_precision=DatePrecision.MONTH)
    assert incident.date == datetime.date(2023, 7, 1) and describe_when(incident) == "July 2023"
    incident = incident_update(actor=None, incident=incident, date=datetime.date(2023, 7, 19),
                               date_precision=DatePrecision.APPROXIMATE, end_date=datetime.date(2023, 8, 2))
    assert describe_when(incident) == "about 19 July 2023 – 2 August 2023"
    assert describe_when(Incident(date=None)) == ""


def test_terms_must_come_from_the_right_vocabulary_and_programme(evidence, terms):
    elsewhere = Term.objects.create(vocabulary="violation", code="elsewhere", label_en="x",
                                    programme=evidence.other_programme)
    for acts in ([{"act_type": terms.employer}], [{"act_type": elsewhere}],
                 [{"act_type": terms.unpaid, "perpetrator_type": terms.unpaid}], [{"act_type": None}]):
        with pytest.raises(ValidationError):
            incident_create(actor=None, partnership=evidence.a, title="x", acts=acts)
    with pytest.raises(ValidationError):
        incident_create(actor=None, partnership=evidence.a, title="x", rights=[terms.unpaid])
    with pytest.raises(ValidationError):
        incident_create(actor=None, partnership=evidence.a, title="x", region=terms.employer)
    assert not Incident.objects.exists()


def test_victims_and_sources_must_be_the_partnerships_own(evidence, terms):
    with pytest.raises(ValidationError, match=evidence.b1.code):
        incident_create(actor=None, partnership=evidence.a, title="x",
                        acts=[{"act_type": terms.unpaid, "victims": [evidence.b1]}])
    with pytest.raises(ValidationError, match="only sources of this partnership"):
        incident_create(actor=None, partnership=evidence.a, title="x",
                        links=[{"source": evidence.sb, "connection": "victim"}])
    with pytest.raises(ValidationError, match="linked twice"):
        incident_create(actor=None, partnership=evidence.a, title="x", links=[
            {"source": evidence.s1, "connection": "victim"}, {"source": evidence.s1, "connection": "witness"}])
    assert not Incident.objects.exists()


def test_money_needs_a_currency_and_cannot_be_negative(evidence, terms):
    for labour, message in (
        ({"wages_owed": 100}, "currency"),
        ({"wages_owed": 100, "currency": "сом"}, "three-letter code"),
        ({"wages_owed": -5, "currency": "KGS"}, "negative"),
        ({"hours_per_week": 200}, "168"),
    ):
        with pytest.raises(ValidationError, match=message):
            incident_create(actor=None, partnership=evidence.a, title="x", labour=labour)
    incident = incident_create(actor=None, partnership=evidence.a, title="x",
                               labour={"wages_owed": "120.50", "currency": "kgs", "documents_confiscated_by": "x"})
    assert incident.labour_claim.currency == "KGS"
    assert incident.labour_claim.documents_confiscated_by == "", "only said when documents were confiscated"


def test_an_empty_labour_claim_is_not_kept(evidence, terms):
    incident = incident_create(actor=None, partnership=evidence.a, title="x",
                               labour={"employer_type": "", "wages_owed": None, "documents_confiscated": False})
    assert not hasattr(incident, "labour_claim") or incident.labour_claim is None


def test_a_region_brings_its_country(evidence, terms):
    incident = incident_create(actor=None, partnership=evidence.a, title="x", region=terms.sughd)
    assert incident.country == "TJ"


def test_rows_of_another_incident_cannot_be_edited_through_this_one(evidence, terms):
    one = incident_create(actor=None, partnership=evidence.a, title="one", acts=[{"act_type": terms.unpaid}])
    two = incident_create(actor=None, partnership=evidence.a, title="two")
    with pytest.raises(ValidationError, match="reload"):
        incident_update(actor=None, incident=two, acts=[{"id": one.acts.get().pk, "act_type": terms.gbv}])
    assert one.acts.get().act_type == terms.unpaid


# --- the search index -------------------------------------------------------------------------------------


@pytest.fixture
def search_index(monkeypatch):
    """Record what the evidence services tell the search index (the real index is tested in tests/search)."""
    from ovoz.evidence.services import sources

    calls = []
    monkeypatch.setattr(sources, "index_object", lambda obj: calls.append(("index", type(obj).__name__, obj.pk)))
    monkeypatch.setattr(sources, "unindex_object",
                        lambda obj: calls.append(("unindex", type(obj).__name__, obj.pk)))
    return calls


def test_every_change_of_text_is_sent_to_the_search_index(evidence, terms, search_index):
    source = source_create(actor=None, partnership=evidence.a, kind="interview", title="t", transcript="a")
    source_update(actor=None, source=source, transcript="b")
    attachment = attachment_add(actor=None, source=source, upload=SimpleUploadedFile("l.pdf", make_pdf(["Text"])))
    incident = incident_create(actor=None, partnership=evidence.a, title="x", narrative="n")
    incident_update(actor=None, incident=incident, narrative="m")
    sid, aid, iid = source.pk, attachment.pk, incident.pk
    attachment_delete(actor=None, attachment=attachment)
    incident_delete(actor=None, incident=incident)
    source_delete(actor=None, source=source)
    assert search_index == [
        ("index", "Source", sid), ("index", "Source", sid), ("index", "Attachment", aid),
        ("index", "Incident", iid), ("index", "Incident", iid),
        ("unindex", "Attachment", aid), ("unindex", "Incident", iid), ("unindex", "Source", sid),
    ]
