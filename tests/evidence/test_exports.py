"""CSV and XLSX exports of participants: consent scopes, access, identity, formula injection, follow-up."""

import csv
import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from ovoz.accounts.security import REAUTH_SESSION_KEY
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import ExportRecord, Term
from ovoz.evidence.services.exports import participants_export, safe_cell


def reauthenticate(client):
    session = client.session
    session[REAUTH_SESSION_KEY] = int(time.time())
    session.save()
    return client


def export_url(partnership, query=""):
    return f"/partnerships/{partnership.pk}/participants/export/{query}"


def export(client, partnership, purpose="statistics", fmt="csv", **extra):
    return client.post(export_url(partnership), {"purpose": purpose, "format": fmt, **extra})


def rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheets then read Cyrillic as UTF-8
    return list(csv.reader(io.StringIO(text[1:])))


def codes(response) -> list[str]:
    return [row[0] for row in rows(response)[1:]]


def test_a_statistics_export_holds_those_who_allow_statistics_by_code_only(evidence, as_user):
    response = export(as_user(evidence.researcher_a), evidence.a)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]
    table = rows(response)
    assert table[0][:2] == ["Code", "Partnership"] and "Name" not in table[0]
    assert codes(response) == ["KG-PA-001", "KG-PA-002"]
    assert "Gulmira" not in response.content.decode()


def test_every_export_is_recorded_with_who_when_why_and_whom_and_audited(evidence, as_user):
    export(as_user(evidence.researcher_a), evidence.a, purpose="quotes")
    record = ExportRecord.objects.get()
    assert record.actor == evidence.researcher_a and record.purpose == "quotes" and record.format == "csv"
    assert list(record.participants.all()) == [evidence.a1] and record.participant_count == 1
    assert record.includes_identity is False and record.partnership == evidence.a
    entry = AuditEntry.objects.get(action="participant.export")
    assert entry.partnership == evidence.a and entry.changes["participants"]["new"] == [evidence.a1.pk]
    assert entry.changes["identities"]["new"] is False


def test_coordinators_export_only_those_who_share_with_coordinators_and_never_names(evidence, as_user):
    client = reauthenticate(as_user(evidence.coordinator))
    response = export(client, evidence.a, purpose="analysis", include_identity="on")
    assert codes(response) == ["KG-PA-001"]
    assert "Gulmira" not in response.content.decode() and "Name" not in rows(response)[0]
    assert ExportRecord.objects.get().includes_identity is False


def test_names_in_an_export_need_the_password_again_first(evidence, as_user):
    client = as_user(evidence.researcher_a)
    response = export(client, evidence.a, purpose="analysis", include_identity="on",
                      HTTP_REFERER=export_url(evidence.a))
    assert response.status_code == 302 and "/auth/confirm/" in response["Location"]
    assert not ExportRecord.objects.exists() and not AuditEntry.objects.filter(action="participant.export").exists()


def test_a_researcher_exports_names_after_the_password_and_it_is_recorded_and_audited(evidence, as_user):
    client = reauthenticate(as_user(evidence.researcher_a))
    response = export(client, evidence.a, purpose="analysis", include_identity="on")
    table = rows(response)
    assert table[0][-2:] == ["Name", "Contacts"]
    assert table[1][0] == "KG-PA-001" and table[1][-2] == "Gulmira Secretname"
    assert ExportRecord.objects.get().includes_identity is True
    assert AuditEntry.objects.get(action="participant.export").changes["identities"]["new"] is True


def test_a_mentor_cannot_put_names_in_an_export_even_after_the_password(evidence, as_user):
    client = reauthenticate(as_user(evidence.mentor_a))
    assert "include_identity" not in client.get(export_url(evidence.a)).content.decode()
    response = export(client, evidence.a, purpose="analysis", include_identity="on")
    assert "Gulmira" not in response.content.decode() and "Name" not in rows(response)[0]
    with pytest.raises(ValidationError, match="researchers"):
        participants_export(actor=evidence.mentor_a, partnership=evidence.a, purpose="analysis", fmt="csv",
                            include_identity=True)
    assert ExportRecord.objects.filter(includes_identity=True).count() == 0


def test_withdrawal_leaves_her_out_of_later_exports_and_lists_the_earlier_one_for_follow_up(evidence, as_user):
    client = as_user(evidence.researcher_a)
    before = export(client, evidence.a, purpose="statistics")
    assert "KG-PA-001" in codes(before)
    earlier = ExportRecord.objects.get()
    today = timezone.localdate().isoformat()
    client.post(f"/participants/{evidence.a1.pk}/consent/withdraw/",
                {"what": "everything", "date": today, "note": "", "confirm": "yes"})
    after = export(client, evidence.a, purpose="statistics")
    assert codes(after) == ["KG-PA-002"]
    later = ExportRecord.objects.exclude(pk=earlier.pk).get()
    assert evidence.a1 not in later.participants.all()
    page = client.get(f"/participants/{evidence.a1.pk}/")
    [(withdrawal, exports)] = page.context["follow_up"]
    assert withdrawal.kind == "withdrawn" and exports == [earlier]
    assert "Already shared or exported: follow up" in page.content.decode()


def test_withdrawing_statistics_only_keeps_her_in_analysis_exports(evidence, as_user):
    client = as_user(evidence.researcher_a)
    export(client, evidence.a, purpose="analysis")
    today = timezone.localdate().isoformat()
    client.post(f"/participants/{evidence.a1.pk}/consent/withdraw/",
                {"what": "some", "scopes": ["statistics"], "date": today, "confirm": "yes"})
    assert codes(export(client, evidence.a, purpose="statistics")) == ["KG-PA-002"]
    assert "KG-PA-001" in codes(export(client, evidence.a, purpose="analysis"))
    html = client.get(f"/participants/{evidence.a1.pk}/").content.decode()
    assert "Part of the consent withdrawn" in html


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_escaped(evidence, as_user):
    evidence.a1.destination = '=HYPERLINK("http://evil.example","click")'
    evidence.a1.attributes = {"note": "+cmd|' /C calc'!A0", "minus": "-2+3", "at": "@SUM(1)", "n": 4}
    evidence.a1.save()
    evidence.programme.attributes.create(key="note", label="Note", kind="text")
    evidence.programme.attributes.create(key="minus", label="Minus", kind="text")
    evidence.programme.attributes.create(key="at", label="At", kind="text")
    evidence.programme.attributes.create(key="n", label="N", kind="number")
    response = export(as_user(evidence.researcher_a), evidence.a, purpose="quotes")
    row = rows(response)[1]
    header = rows(response)[0]
    assert row[header.index("Destination")] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert row[header.index("Note")].startswith("'+") and row[header.index("Minus")].startswith("'-")
    assert row[header.index("At")].startswith("'@") and row[header.index("N")] == "4"
    assert not any(cell.startswith(("=", "+", "-", "@")) for line in rows(response) for cell in line)


def test_safe_cell_leaves_numbers_and_ordinary_text_alone():
    assert safe_cell(-3) == -3 and safe_cell("Бишкек") == "Бишкек" and safe_cell(None) == ""
    assert safe_cell("\t=1") == "'\t=1"


def test_an_xlsx_export_opens_in_openpyxl_with_no_formula_in_it(evidence, as_user):
    evidence.a1.destination = "=1+1"
    evidence.a1.save()
    response = export(as_user(evidence.researcher_a), evidence.a, purpose="statistics", fmt="xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Code" and [r[0] for r in values[1:]] == ["KG-PA-001", "KG-PA-002"]
    assert "'=1+1" in values[1]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert ExportRecord.objects.get().format == "xlsx"


def test_term_labels_in_an_export_follow_the_users_language(evidence, as_user):
    term, _ = Term.objects.get_or_create(vocabulary="migrant_status", code="t-internal",
                                         defaults={"label_en": "Internal migrant", "label_ru": "Внутренняя мигрантка"})
    evidence.a1.migrant_status = term
    evidence.a1.save()
    client = as_user(evidence.researcher_a)
    assert "Internal migrant" in export(client, evidence.a).content.decode()
    client.cookies["django_language"] = "ru"
    assert "Внутренняя мигрантка" in export(client, evidence.a).content.decode()
    assert ExportRecord.objects.latest("created_at").language == "ru"


def test_the_registers_filters_narrow_an_export_but_never_widen_it(evidence, as_user):
    client = as_user(evidence.researcher_a)
    page = client.get(export_url(evidence.a, "?q=002")).content.decode()
    assert 'name="q" value="002"' in page
    assert codes(export(client, evidence.a, purpose="analysis", q="002")) == ["KG-PA-002"]
    assert ExportRecord.objects.latest("created_at").filters == {"q": "002"}


def test_an_export_nobody_allows_is_refused_and_nothing_is_recorded(evidence, as_user):
    client = as_user(evidence.researcher_a)
    response = export(client, evidence.a, purpose="quotes", q="002")
    assert response.status_code == 200
    assert "Nobody here allows this purpose" in response.content.decode()
    assert not ExportRecord.objects.exists()


@pytest.mark.parametrize("person", ["researcher_b", "coresearcher_a", "viewer", "outsider"])
def test_nobody_outside_the_team_and_coordinators_exports_a_partnerships_participants(evidence, as_user, person):
    client = reauthenticate(as_user(getattr(evidence, person)))
    assert client.get(export_url(evidence.a)).status_code == 404
    assert export(client, evidence.a, purpose="analysis", include_identity="on").status_code == 404
    assert not ExportRecord.objects.exists()
