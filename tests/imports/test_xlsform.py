"""An XLSForm defines a survey instrument: it is validated with pyxform, its structure is shown in the form's
languages, and every upload of the same form_id is kept as a new version."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ovoz.audit.models import AuditEntry
from ovoz.imports.models import Instrument, InstrumentVersion
from tests.imports import builders

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def post_form(client, cast, content, name="survey.xlsx"):
    return client.post(reverse("imports:instrument_upload", args=[cast.a.pk]),
                       {"file": SimpleUploadedFile(name, content, content_type=XLSX)})


def test_a_valid_form_is_kept_and_its_structure_shown_in_each_language(cast, as_user):
    client = as_user(cast.researcher_a)
    response = post_form(client, cast, builders.xlsform())
    instrument = Instrument.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:instrument_detail",
                                                                           args=[instrument.pk])
    assert instrument.form_id == "migrant_survey" and instrument.title == "Women migrants survey"
    version = instrument.versions.get()
    assert version.number == 1 and version.form_version == "2024-05"
    assert "survey" not in version.xlsform.name and version.original_name == "survey.xlsx"  # a random name on disk
    assert version.languages == ["English (en)", "Russian (ru)"]
    page = client.get(response["Location"]).content.decode()
    for text in ("respondent/migrant_status", "select_one", "select_multiple", "repeat", "incidents/act_types",
                 "Unpaid wages", "Migrant status", "group", "required"):
        assert text in page
    russian = client.get(response["Location"], {"lang": "Russian (ru)"}).content.decode()
    assert "Невыплата" in russian and "Статус" in russian
    assert AuditEntry.objects.filter(action="instrument.create", partnership=cast.a).count() == 1


def test_uploading_the_same_form_id_again_keeps_a_new_version_and_the_old_one(cast, as_user):
    client = as_user(cast.mentor_a)
    content = builders.xlsform()
    post_form(client, cast, content)
    post_form(client, cast, content)  # the same file: not a new version
    assert InstrumentVersion.objects.count() == 1
    changed = builders.SURVEY + [["text", "comment", "Anything else?", "Что-то ещё?", ""]]
    post_form(client, cast, builders.xlsform(survey=changed,
                                              settings=[["form_title", "form_id", "version"],
                                                        ["Women migrants survey", "migrant_survey", "2024-07"]]))
    instrument = Instrument.objects.get()
    assert [v.number for v in instrument.versions.order_by("number")] == [1, 2]
    latest = client.get(reverse("imports:instrument_detail", args=[instrument.pk])).content.decode()
    assert "Anything else?" in latest
    first = client.get(reverse("imports:instrument_detail", args=[instrument.pk]), {"version": 1}).content.decode()
    assert "Anything else?" not in first
    old = instrument.versions.get(number=1)
    download = client.get(reverse("imports:version_download", args=[old.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == content


def test_a_form_with_a_mistake_is_refused_with_its_sheet_and_row_and_nothing_is_kept(cast, as_user):
    client = as_user(cast.researcher_a)
    broken = builders.SURVEY[:3] + [["select_one nosuchlist", "status2", "Status", "Статус", ""]] + builders.SURVEY[3:]
    response = post_form(client, cast, builders.xlsform(survey=broken))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Sheet “survey”, row 4" in page and "nosuchlist" in page
    assert not Instrument.objects.exists() and not AuditEntry.objects.filter(action__startswith="instrument").exists()


def test_an_unclosed_group_and_a_missing_type_column_are_explained(cast, as_user):
    client = as_user(cast.researcher_a)
    unclosed = [r for r in builders.SURVEY if r[0] != "end_group"]
    assert "begin_group" in post_form(client, cast, builders.xlsform(survey=unclosed)).content.decode()
    no_type = [["kind", "name", "label"], ["text", "q", "Q"]]
    page = post_form(client, cast, builders.xlsform(survey=no_type)).content.decode()
    assert "type" in page and "survey" in page
    assert not Instrument.objects.exists()


def test_a_file_that_is_not_a_workbook_is_refused_clearly(cast, as_user):
    response = post_form(as_user(cast.researcher_a), cast, b"name,label\nq,Question\n", name="survey.xlsx")
    assert response.status_code == 400
    assert "This is not an Excel workbook" in response.content.decode()
    assert not Instrument.objects.exists()


def test_another_partnership_cannot_see_or_use_the_instrument(cast, as_user):
    post_form(as_user(cast.researcher_a), cast, builders.xlsform())
    instrument = Instrument.objects.get()
    version = instrument.versions.get()
    for user in (cast.researcher_b, cast.coordinator, cast.coresearcher_a, cast.viewer, cast.outsider):
        client = as_user(user)
        assert client.get(reverse("imports:instrument_detail", args=[instrument.pk])).status_code == 404
        assert client.get(reverse("imports:version_download", args=[version.pk])).status_code == 404
        assert client.get(reverse("imports:submissions_import", args=[instrument.pk])).status_code == 404
        assert post_form(client, cast, builders.xlsform()).status_code == 404
    assert InstrumentVersion.objects.count() == 1
