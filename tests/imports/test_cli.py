"""``ovoz import kobo FILE --mapping M --partnership ID [--dry-run]`` and its siblings: the same checks as the web,
a progress bar on stderr, a table of counts, and nothing written on a dry run or a problem."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from ovoz.audit.models import AuditEntry
from ovoz.evidence.models import Incident, Participant
from ovoz.imports.models import Instrument
from tests.imports import builders


@pytest.fixture
def files(tmp_path):
    export = tmp_path / "export.json"
    export.write_bytes(builders.kobo_json([builders.submission("cli-1"), builders.submission("cli-2")]))
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(builders.MAPPING), encoding="utf-8")
    return export, mapping


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_prints_the_counts_and_writes_nothing(cast, files):
    export, mapping = files
    out, err = run("kobo", export, "--mapping", mapping, "--partnership", cast.a.pk, "--dry-run")
    assert "Dry run: nothing was written." in out
    assert "Participants" in out and "Documented violations" in out
    assert "Checking: 100% (2/2)" in err
    assert not Participant.objects.exists()


def test_the_import_writes_everything_with_a_progress_bar(cast, files):
    export, mapping = files
    out, err = run("kobo", export, "--mapping", mapping, "--partnership", cast.a.pk, "--user", "researcher_a")
    assert "Imported" in out and "Importing: 100%" in err
    assert Participant.objects.count() == 2 and Incident.objects.count() == 2
    assert AuditEntry.objects.get(action="import.run").actor == cast.researcher_a
    out, _err = run("kobo", export, "--mapping", mapping, "--partnership", cast.a.pk)
    assert Participant.objects.count() == 2  # the second time everything is skipped
    assert "Skipped: imported before" in out


def test_a_saved_mapping_is_used_by_its_id(survey, files):
    export, _mapping = files
    out, _err = run("kobo", export, "--mapping", survey.mapping.pk, "--partnership", survey.a.pk, "--dry-run")
    assert "Dry run" in out


def test_problems_are_listed_and_stop_the_import(cast, files, tmp_path):
    _export, mapping = files
    bad = tmp_path / "bad.json"
    bad.write_bytes(builders.kobo_json([builders.submission("x", status="martian")]))
    with pytest.raises(CommandError, match="nothing was imported"):
        run("kobo", bad, "--mapping", mapping, "--partnership", cast.a.pk)
    assert not Participant.objects.exists()


def test_malformed_input_is_a_clear_error(cast, files, tmp_path):
    _export, mapping = files
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        run("kobo", broken, "--mapping", mapping, "--partnership", cast.a.pk)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: refused by its size, never read
    with pytest.raises(CommandError, match="more than 50 MB"):
        run("kobo", huge, "--mapping", mapping, "--partnership", cast.a.pk)
    bad_mapping = tmp_path / "m.json"
    bad_mapping.write_text('{"incidents": {"date": "x"}}', encoding="utf-8")
    with pytest.raises(CommandError, match="act_types is required"):
        run("kobo", broken, "--mapping", bad_mapping, "--partnership", cast.a.pk)
    assert not Participant.objects.exists()


def test_only_a_person_who_may_edit_the_partnership_can_be_named(cast, files):
    export, mapping = files
    for user in ("researcher_b", "coordinator", "coresearcher_a"):
        with pytest.raises(CommandError, match="cannot edit the evidence"):
            run("kobo", export, "--mapping", mapping, "--partnership", cast.a.pk, "--user", user)
    with pytest.raises(CommandError, match="No partnership"):
        run("kobo", export, "--mapping", mapping, "--partnership", 999999)


def test_tables_and_xlsforms_from_the_command_line(cast, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("row_key,migrant_status,consent_scopes\n1,internal,analysis\n", encoding="utf-8")
    run("participants", people, "--partnership", cast.a.pk)
    assert Participant.objects.get().migrant_status.code == "internal"
    form = tmp_path / "form.xlsx"
    form.write_bytes(builders.xlsform())
    out, _err = run("xlsform", form, "--partnership", cast.a.pk)
    assert "The form is valid" in out and Instrument.objects.get().form_id == "migrant_survey"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(builders.xlsform(survey=[r for r in builders.SURVEY if r[0] != "end_repeat"]))
    with pytest.raises(CommandError, match="begin_repeat|repeat"):
        run("xlsform", broken, "--partnership", cast.a.pk)
