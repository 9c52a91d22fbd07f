"""The registry: seeded from the public sources, every fact shown with its source and "as of" date, unverified
facts stored as unknown, editable by coordinators only (and audited)."""

import datetime

from django.urls import reverse

from ovoz.audit.models import AuditEntry
from ovoz.mechanisms.models import Instrument, Mechanism, Ratification


def test_the_registry_holds_the_nine_core_treaties_their_protocol_the_ilo_conventions_and_the_mandates(db):
    core = set(Instrument.objects.filter(kind="core").values_list("short_name", flat=True))
    assert core == {"ICERD", "ICCPR", "ICESCR", "CEDAW", "CAT", "CRC", "ICRMW", "CRPD", "ICPPED"}
    assert Instrument.objects.get(code="op-cedaw").parent.code == "cedaw"
    assert {"ilo-c189", "ilo-c190"} <= set(Instrument.objects.values_list("code", flat=True))
    assert Mechanism.objects.filter(kind="special_procedure").count() == 5
    assert Mechanism.objects.get(code="upr").reviews_every_instrument


def test_unverified_facts_are_stored_as_unknown_and_checked_ones_keep_their_document(db):
    crpd_tj = Ratification.objects.get(instrument__code="crpd", country="TJ")
    assert crpd_tj.status == "unknown" and "unverified" in crpd_tj.note
    op_kg = Ratification.objects.get(instrument__code="op-cedaw", country="KG")
    assert op_kg.verified and op_kg.date == datetime.date(2002, 7, 22) and op_kg.reference == "CCPR/C/KGZ/CO/2"
    assert Ratification.objects.get(instrument__code="icrmw", country="KZ").status == "not_party"
    assert Ratification.objects.get(instrument__code="ilo-c190", country="KG").date == datetime.date(2024, 6, 3)
    assert not Ratification.objects.filter(source="").exists()
    assert not Ratification.objects.filter(as_of__isnull=True).exists()


def test_ratification_data_shows_source_and_date_on_the_registry_and_instrument_pages(cast, as_user):
    client = as_user(cast.researcher_b)
    page = client.get(reverse("mechanisms:index")).content.decode()
    assert "UN Treaty Collection extract of Aug 2022" in page
    assert "as of 1 August 2022" in page or "as of Aug. 1, 2022" in page or "as of August 1, 2022" in page
    icrmw = Instrument.objects.get(code="icrmw")
    page = client.get(reverse("mechanisms:instrument", args=[icrmw.pk])).content.decode()
    assert page.count("Source: UN Treaty Collection") == 5  # the instrument and its four countries
    assert "Unknown (unverified)" in client.get(
        reverse("mechanisms:instrument", args=[Instrument.objects.get(code="crpd").pk])).content.decode()


def test_an_outsider_gets_404_from_the_registry(cast, as_user):
    assert as_user(cast.outsider).get(reverse("mechanisms:index")).status_code == 404


def test_a_coordinator_records_a_checked_ratification_with_its_source_and_it_is_audited(cast, as_user):
    rat = Ratification.objects.get(instrument__code="crpd", country="TJ")
    response = as_user(cast.coordinator).post(reverse("mechanisms:ratification_edit", args=[rat.pk]), {
        "status": "signed", "year": "", "date": "", "reference": "", "note": "signed 22 March 2018",
        "source": "OHCHR treaty body database", "as_of": "2025-01-15"})
    assert response.status_code == 302
    rat.refresh_from_db()
    assert (rat.status, rat.source, rat.as_of) == ("signed", "OHCHR treaty body database",
                                                    datetime.date(2025, 1, 15))
    assert rat.updated_by == cast.coordinator
    entry = AuditEntry.objects.get(action="ratification.update")
    assert entry.changes["status"] == {"old": "unknown", "new": "signed"}


def test_a_ratification_without_source_or_date_is_refused(cast, as_user):
    rat = Ratification.objects.get(instrument__code="crpd", country="TJ")
    response = as_user(cast.coordinator).post(reverse("mechanisms:ratification_edit", args=[rat.pk]), {
        "status": "party", "year": "2024", "source": "", "as_of": ""})
    assert response.status_code == 200
    rat.refresh_from_db()
    assert rat.status == "unknown"


def test_a_researcher_cannot_edit_a_ratification(cast, as_user):
    rat = Ratification.objects.get(instrument__code="crpd", country="TJ")
    url = reverse("mechanisms:ratification_edit", args=[rat.pk])
    assert as_user(cast.researcher_a).post(url, {"status": "party", "source": "x", "as_of": "2025-01-01"}
                                           ).status_code == 404
    rat.refresh_from_db()
    assert rat.status == "unknown"
