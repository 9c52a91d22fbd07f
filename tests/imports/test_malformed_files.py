"""Malformed input gets a clear error and writes nothing: bad JSON, a JSON that is not a list of submissions, wrong
columns, a file neither UTF-8 nor Windows-1251, a damaged workbook, an empty file, and a file over the size limit
(refused before it is read)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ovoz.evidence.models import Participant, Source
from ovoz.imports.files import IMPORT_MAX_BYTES, ImportFileError, check_size, decode_text
from ovoz.imports.models import ImportJob
from tests.imports import builders


def upload(client, survey, content, name):
    return client.post(reverse("imports:submissions_import", args=[survey.instrument.pk]), {
        "mapping": survey.mapping.pk, "version": survey.version.pk, "file": SimpleUploadedFile(name, content)})


def failed_job():
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert not Participant.objects.exists() and not Source.objects.exists()
    assert not job.file  # nothing of the file is kept
    return job


@pytest.mark.parametrize("content, expected", [
    (b'[{"_uuid": "a", "story": "x"},', "not valid JSON (line 1, column 31"),
    (b'{"count": 2}', "no list of submissions"),
    (b'[1, 2, 3]', "Submission 1 is not a set of answers"),
    (b"[]", "holds no submissions"),
])
def test_a_json_that_is_not_an_export_is_refused_with_the_reason(survey, as_user, content, expected):
    client = as_user(survey.researcher_a)
    upload(client, survey, content, "export.json")
    job = failed_job()
    assert expected in job.error
    page = client.get(reverse("imports:job_detail", args=[job.pk])).content.decode()
    assert expected.split(" (")[0] in page and "Import now" not in page


def test_a_file_in_neither_utf8_nor_windows_1251_is_refused(survey, as_user):
    latin1 = "_uuid;story\nx;Ça coûte très cher, déjà payé\n".encode("latin-1")
    upload(as_user(survey.researcher_a), survey, latin1, "export.csv")
    assert "not in UTF-8" in failed_job().error and "CSV UTF-8" in failed_job().error


def test_the_encoding_is_detected():
    assert decode_text("Зарплата".encode()) == ("Зарплата", "utf-8")
    assert decode_text("\ufeffЗарплата".encode("utf-8"))[1] == "utf-8-sig"
    assert decode_text("Зарплата не выплачена".encode("cp1251")) == ("Зарплата не выплачена", "cp1251")
    assert decode_text("Ish haqi".encode("utf-16"))[0] == "Ish haqi"
    with pytest.raises(ImportFileError):
        decode_text(bytes(range(128, 256)) * 3)


def test_a_damaged_workbook_is_refused(survey, as_user):
    upload(as_user(survey.researcher_a), survey, builders.xlsform()[:500], "export.xlsx")
    assert "damaged" in failed_job().error


def test_an_empty_file_is_refused_on_the_form(survey, as_user):
    response = upload(as_user(survey.researcher_a), survey, b"", "export.json")
    assert response.status_code == 400 and not ImportJob.objects.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(survey, as_user):
    client = as_user(survey.researcher_a)
    url = reverse("imports:submissions_import", args=[survey.instrument.pk])
    response = client.post(url, {"file": SimpleUploadedFile("big.json", b"[]")},
                           CONTENT_LENGTH=str(IMPORT_MAX_BYTES + 10 * 1024 * 1024))
    assert response.status_code == 413
    assert "files of more than 50 MB are refused" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_file_hiding_its_size_is_cut_off_at_the_limit(survey, as_user, monkeypatch):
    from ovoz.imports.views import uploads

    monkeypatch.setattr(uploads, "IMPORT_MAX_BYTES", 1000)
    response = upload(as_user(survey.researcher_a), survey, b"[" + b" " * 5000 + b"]", "export.json")
    assert response.status_code == 413 and not ImportJob.objects.exists()


def test_the_size_limit_holds_in_the_service_too():
    check_size(IMPORT_MAX_BYTES)
    with pytest.raises(ImportFileError, match="more than 50 MB"):
        check_size(IMPORT_MAX_BYTES + 1)


def test_a_participant_table_with_wrong_columns_is_refused_naming_them(cast, as_user):
    client = as_user(cast.researcher_a)
    content = b"id;status;age\n1;returned;30\n"
    client.post(reverse("imports:table_import", args=[cast.a.pk, "participants"]),
                {"file": SimpleUploadedFile("people.csv", content)})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert "missing columns: row_key" in job.error and "unknown columns: id, status, age" in job.error
    assert not Participant.objects.exists()


def test_uploads_still_need_the_csrf_token(survey):
    from django.test import Client

    from tests.conftest import sign_in

    client = sign_in(Client(enforce_csrf_checks=True), survey.researcher_a)
    response = upload(client, survey, builders.kobo_json([builders.submission("x")]), "export.json")
    assert response.status_code == 403 and not ImportJob.objects.exists()
    response = client.post(reverse("imports:instrument_upload", args=[survey.a.pk]),
                           {"file": SimpleUploadedFile("f.xlsx", builders.xlsform())})
    assert response.status_code == 403
