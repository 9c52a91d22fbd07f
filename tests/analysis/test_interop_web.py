"""The interop pages through HTTP: export downloads, and upload → dry-run report → confirm."""

import io
import zipfile
from pathlib import Path

from ovoz.analysis.interop.validate import schema_errors
from ovoz.analysis.models import Code, Coding
from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Source

FIXTURES = Path(__file__).parent / "fixtures"


def upload(name: str, folder: Path = FIXTURES):
    data = io.BytesIO((folder / name).read_bytes())
    data.name = name
    return data


def test_a_researcher_downloads_her_partnership_project_as_a_valid_qdpx(analysis, as_user):
    c = analysis
    response = as_user(c.researcher_a).get(f"/analysis/interop/partnerships/{c.a.pk}/export.qdpx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.qdpx"')
    qde = zipfile.ZipFile(io.BytesIO(response.content)).read("project.qde")
    assert schema_errors(qde) == []
    assert AuditEntry.objects.filter(action="interop.export", actor=c.researcher_a).exists()


def test_another_partnership_researcher_gets_404_for_the_project_and_its_import(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_b)
    assert client.get(f"/analysis/interop/partnerships/{c.a.pk}/export.qdpx").status_code == 404
    assert client.get(f"/analysis/interop/partnerships/{c.a.pk}/import/").status_code == 404
    response = client.post(f"/analysis/interop/partnerships/{c.a.pk}/import/", {"file": upload("qualcoder.qdpx")})
    assert response.status_code == 404
    assert not Source.objects.filter(title="Interview Bishkek 3").exists()


def test_the_codebook_downloads_as_a_valid_qdc(analysis, as_user):
    c = analysis
    response = as_user(c.coordinator).get(f"/analysis/interop/programmes/{c.programme.pk}/codebook.qdc")
    assert response.status_code == 200
    assert schema_errors(response.content, codebook=True) == []
    # Another partnership's own codes are not offered through the partnership parameter.
    response = as_user(c.researcher_b).get(
        f"/analysis/interop/programmes/{c.programme.pk}/codebook.qdc?partnership={c.a.pk}")
    assert response.status_code == 404


def test_upload_shows_a_dry_run_report_and_confirming_imports(analysis, as_user):
    c = analysis
    client = as_user(c.researcher_a)
    response = client.post(f"/analysis/interop/partnerships/{c.a.pk}/import/",
                           {"file": upload("qualcoder.qdpx"), "source_kind": "document"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Check of the import" in page and "Payslip photo" in page and "Import now" in page
    assert not Source.objects.filter(title="Interview Bishkek 3").exists()
    response = client.post(f"/analysis/interop/partnerships/{c.a.pk}/import/confirm/")
    assert response.status_code == 200 and "Import done" in response.content.decode()
    source = Source.objects.get(title="Interview Bishkek 3", partnership=c.a)
    assert source.kind == "document" and source.codings.count() == 3
    # The waiting file is gone: confirming again sends back to the upload page.
    again = client.post(f"/analysis/interop/partnerships/{c.a.pk}/import/confirm/")
    assert again.status_code == 302 and Coding.objects.filter(source=source).count() == 3


def test_a_file_that_is_not_an_export_gets_a_clear_message(analysis, as_user):
    c = analysis
    bogus = io.BytesIO(b"just some words")
    bogus.name = "notes.txt"
    response = as_user(c.researcher_a).post(f"/analysis/interop/partnerships/{c.a.pk}/import/", {"file": bogus})
    assert response.status_code == 400
    assert "not a REFI-QDA project" in response.content.decode()


def test_a_coordinator_imports_a_taguette_codebook_into_the_programme(analysis, as_user):
    c = analysis
    client = as_user(c.coordinator)
    response = client.post(f"/analysis/interop/programmes/{c.programme.pk}/import/",
                           {"file": upload("codebook.csv", FIXTURES / "taguette")})
    assert response.status_code == 200
    client.post(f"/analysis/interop/programmes/{c.programme.pk}/import/confirm/")
    assert Code.objects.filter(programme=c.programme, partnership__isnull=True, name_en="housing").exists()


def test_the_interop_page_offers_each_person_only_her_own_targets(analysis, as_user):
    c = analysis
    page = as_user(c.researcher_b).get("/analysis/interop/").content.decode()
    assert f"/partnerships/{c.b.pk}/export.qdpx" in page and f"/partnerships/{c.a.pk}/" not in page
    assert "/export.qdpx" not in as_user(c.coresearcher_a).get("/analysis/interop/").content.decode()


def test_the_interop_page_costs_a_few_queries_however_many_partnerships(analysis, as_user,
                                                                        django_assert_max_num_queries):
    c = analysis
    client = as_user(c.coordinator)
    client.get("/analysis/interop/")
    with django_assert_max_num_queries(12):
        assert client.get("/analysis/interop/").status_code == 200
