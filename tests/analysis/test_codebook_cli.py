"""``ovoz codebook seed`` and ``ovoz codebook list``."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ovoz.analysis.models import Code
from ovoz.audit.models import AuditEntry


def _run(*args):
    out = StringIO()
    call_command("codebook", *args, stdout=out)
    return out.getvalue()


def test_seeding_from_the_command_line_adds_the_focus_areas_once(cast):
    out = _run("seed", "--programme", str(cast.programme.pk), "--as", "coordinator")
    n = Code.objects.filter(programme=cast.programme).count()
    assert f"{n} codes added" in out and Code.objects.filter(seed_key="focus:living-wage").exists()
    assert AuditEntry.objects.get(action="codebook.seed").actor == cast.coordinator
    assert "nothing added" in _run("seed", "--programme", str(cast.programme.pk))
    assert Code.objects.filter(programme=cast.programme).count() == n


def test_the_list_prints_the_tree_in_the_chosen_language_with_counts(analysis):
    c = analysis
    out = _run("list", "--programme", str(c.programme.pk), "--language", "ru")
    assert "Programme codebook" in out and "Прожиточная заработная плата  (2)" in out
    assert "Partner A (partnership" in out and "Debt bondage (A)" in out


def test_an_unknown_programme_is_a_clear_error(db):
    with pytest.raises(CommandError, match="no programme with id 999"):
        _run("list", "--programme", "999")
