"""The ``ovoz user`` command, run as a coordinator or an administrator would at a terminal."""

import io
import sys

import pytest
from django.core.management import CommandError, call_command

from ovoz.accounts.models import User
from ovoz.audit.models import AuditEntry
from ovoz.programmes.models import Membership


def run(*args, stdin: str | None = None) -> str:
    out = io.StringIO()
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        call_command("user", *args, stdout=out)
    finally:
        sys.stdin = old
    return out.getvalue()


def test_creating_an_account_reads_the_password_from_standard_input_and_audits(db):
    out = run("create", "aizada", "--full-name", "Aizada T.", "--password-stdin", stdin="a long passphrase 42\n")
    assert "Created aizada" in out
    user = User.objects.get(username="aizada")
    assert user.check_password("a long passphrase 42")
    assert user.full_name == "Aizada T."
    assert AuditEntry.objects.filter(action="user.create", object_repr="aizada").exists()


def test_a_weak_password_is_refused_with_the_reason(db):
    with pytest.raises(CommandError, match="too short|too common"):
        run("create", "weak", "--password-stdin", stdin="123\n")
    assert not User.objects.filter(username="weak").exists()


def test_setting_a_role_on_a_partnership_and_listing_it(cast):
    run("set-role", "outsider", "--programme", str(cast.programme.pk), "--role", "mentor",
        "--partnership", str(cast.b.pk))
    assert Membership.objects.get(user=cast.outsider).partnership == cast.b
    listing = run("list")
    assert "outsider" in listing and f"mentor @ partnership {cast.b.pk} Partner B" in listing


def test_a_partnership_role_without_a_partnership_is_refused(cast):
    with pytest.raises(CommandError, match="belongs to a partnership"):
        run("set-role", "outsider", "--programme", str(cast.programme.pk), "--role", "researcher")


def test_a_partnership_of_another_programme_is_refused(cast):
    with pytest.raises(CommandError, match="no partnership"):
        run("set-role", "outsider", "--programme", str(cast.other_programme.pk), "--role", "mentor",
            "--partnership", str(cast.a.pk))


def test_an_unknown_person_gets_a_clear_error(db):
    with pytest.raises(CommandError, match="no account named"):
        run("reset-2fa", "nobody")


def test_resetting_a_lost_second_factor_removes_her_devices(cast):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=cast.researcher_a, name="phone", confirmed=True)
    run("reset-2fa", "researcher_a")
    assert not TOTPDevice.objects.filter(user=cast.researcher_a).exists()
    assert AuditEntry.objects.filter(action="auth.second_factor_reset").exists()


def test_removing_a_role(cast):
    run("remove-role", "researcher_b", "--programme", str(cast.programme.pk), "--partnership", str(cast.b.pk))
    assert not Membership.objects.filter(user=cast.researcher_b).exists()
