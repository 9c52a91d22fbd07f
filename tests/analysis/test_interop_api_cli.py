"""Interop through the JSON API (bearer tokens) and the ``ovoz qda`` command."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from ovoz.analysis.interop.validate import schema_errors
from ovoz.analysis.models import Code, Coding
from ovoz.evidence.models import Source
from tests.api.conftest import make_token

FIXTURES = Path(__file__).parent / "fixtures"
API = "/api/v1/analysis/interop"


def bearer(user):
    _token, secret = make_token(user)
    return {"Authorization": f"Bearer {secret}"}


def test_the_api_exports_a_partnership_project_to_its_team_only(analysis):
    c = analysis
    response = Client().get(f"{API}/partnerships/{c.a.pk}/export.qdpx", headers=bearer(c.researcher_a))
    assert response.status_code == 200
    assert schema_errors(zipfile.ZipFile(io.BytesIO(response.content)).read("project.qde")) == []
    other = Client().get(f"{API}/partnerships/{c.a.pk}/export.qdpx", headers=bearer(c.researcher_b))
    assert other.status_code == 404 and other.json() == {"detail": "Not found."}


def test_the_api_import_is_a_dry_run_unless_asked(analysis):
    c = analysis
    client, headers = Client(), bearer(c.researcher_a)
    with open(FIXTURES / "qualcoder.qdpx", "rb") as fh:
        dry = client.post(f"{API}/partnerships/{c.a.pk}/import", {"file": fh}, headers=headers)
    assert dry.status_code == 200, dry.content
    body = dry.json()
    assert body["dry_run"] is True and body["codings_created"] == 5
    assert any("picture source" in p["message"] for p in body["problems"])
    assert not Source.objects.filter(title="Interview Bishkek 3").exists()
    with open(FIXTURES / "qualcoder.qdpx", "rb") as fh:
        real = client.post(f"{API}/partnerships/{c.a.pk}/import", {"file": fh, "dry_run": "false"},
                           headers=headers)
    assert real.json()["dry_run"] is False
    assert Coding.objects.filter(source__title="Interview Bishkek 3").count() == 3


def test_the_api_refuses_an_import_into_another_partnership(analysis):
    c = analysis
    with open(FIXTURES / "qualcoder.qdpx", "rb") as fh:
        response = Client().post(f"{API}/partnerships/{c.a.pk}/import", {"file": fh, "dry_run": "false"},
                                 headers=bearer(c.researcher_b))
    assert response.status_code == 404


def test_the_api_codebook_import_is_for_coordinators(analysis):
    c = analysis
    path = FIXTURES / "taguette" / "codebook.csv"
    with open(path, "rb") as fh:
        refused = Client().post(f"{API}/programmes/{c.programme.pk}/import", {"file": fh},
                                headers=bearer(c.researcher_a))
    assert refused.status_code == 400
    with open(path, "rb") as fh:
        ok = Client().post(f"{API}/programmes/{c.programme.pk}/import", {"file": fh, "dry_run": "false"},
                           headers=bearer(c.coordinator))
    assert ok.status_code == 200 and "housing" in ok.json()["codes_created"]


def test_the_command_exports_and_imports_with_a_dry_run(analysis, tmp_path):
    c = analysis
    out = tmp_path / "a.qdpx"
    call_command("qda", "export", "--partnership", str(c.a.pk), "--out", str(out), "--user", "researcher_a")
    assert schema_errors(zipfile.ZipFile(out).read("project.qde")) == []
    qdc = tmp_path / "book.qdc"
    call_command("qda", "export-codebook", "--programme", str(c.programme.pk), "--out", str(qdc),
                 "--user", "coordinator")
    assert schema_errors(qdc.read_bytes(), codebook=True) == []

    printed = io.StringIO()
    call_command("qda", "import", str(FIXTURES / "qualcoder.qdpx"), "--partnership", str(c.a.pk),
                 "--user", "mentor_a", "--dry-run", stdout=printed)
    assert "Dry run (nothing written)" in printed.getvalue() and "Payslip photo" in printed.getvalue()
    assert not Source.objects.filter(title="Interview Bishkek 3").exists()
    call_command("qda", "import", str(FIXTURES / "qualcoder.qdpx"), "--partnership", str(c.a.pk),
                 "--user", "mentor_a", "--kind", "document", stdout=io.StringIO())
    assert Source.objects.get(title="Interview Bishkek 3").kind == "document"


def test_the_command_imports_taguette_csvs(analysis):
    c = analysis
    call_command("qda", "import-taguette-codebook", str(FIXTURES / "taguette" / "codebook.csv"),
                 "--programme", str(c.programme.pk), "--user", "coordinator", stdout=io.StringIO())
    assert Code.objects.filter(partnership__isnull=True, name_en="housing").exists()
    printed = io.StringIO()
    call_command("qda", "import-taguette-highlights", str(FIXTURES / "taguette" / "highlights.csv"),
                 "--partnership", str(c.a.pk), "--user", "researcher_a", stdout=printed)
    assert "codings: 3 new" in printed.getvalue()
    with pytest.raises(CommandError, match="not a Taguette highlights CSV"):
        call_command("qda", "import-taguette-highlights", str(FIXTURES / "taguette" / "codebook.csv"),
                     "--partnership", str(c.a.pk), "--user", "researcher_a")


def test_the_command_refuses_what_the_person_may_not_do(analysis, tmp_path):
    c = analysis
    with pytest.raises(CommandError, match="may not do this"):
        call_command("qda", "export", "--partnership", str(c.a.pk), "--out", str(tmp_path / "x.qdpx"),
                     "--user", "researcher_b")
