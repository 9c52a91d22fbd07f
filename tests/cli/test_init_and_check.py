"""``ovoz init`` and ``ovoz check`` in a fresh data folder, as separate processes."""

import os
import stat
import subprocess
import sys


def ovoz(data_dir, *args, **env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("OVOZ_")}
    env.update({"OVOZ_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "ovoz.settings", **env_extra})
    return subprocess.run([sys.executable, "-m", "ovoz.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_init_creates_a_private_master_key_and_an_encrypted_database(tmp_path):
    data = tmp_path / "var"
    result = ovoz(data, "init")
    assert result.returncode == 0, result.stderr
    key = data / "keys" / "master.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert not (data / "ovoz.db").read_bytes().startswith(b"SQLite format 3")
    # A second run keeps the same key.
    before = key.read_text()
    assert ovoz(data, "init").returncode == 0
    assert key.read_text() == before


def test_the_database_cannot_be_opened_without_the_key(tmp_path):
    data = tmp_path / "var"
    assert ovoz(data, "init").returncode == 0
    (data / "keys" / "master.key").rename(tmp_path / "elsewhere.key")
    result = ovoz(data, "user", "list")
    assert result.returncode != 0
    assert "ovoz init" in result.stderr


def test_check_passes_after_init_and_flags_a_readable_key(tmp_path):
    data = tmp_path / "var"
    ovoz(data, "init")
    result = ovoz(data, "check")
    assert result.returncode == 0, result.stderr
    os.chmod(data / "keys" / "master.key", 0o644)
    result = ovoz(data, "check")
    assert result.returncode != 0 and "chmod 600" in result.stderr


def test_check_deploy_refuses_a_production_server_without_https_or_second_factor(tmp_path):
    data = tmp_path / "var"
    ovoz(data, "init")
    result = ovoz(data, "check", "--deploy", OVOZ_REQUIRE_2FA="false")
    assert result.returncode != 0
    assert "OVOZ_REQUIRE_2FA" in result.stderr or "SECURE" in result.stderr


def test_a_bad_setting_fails_loudly_at_start(tmp_path):
    result = ovoz(tmp_path, "check", OVOZ_REQUIRE_2FA="perhaps")
    assert result.returncode != 0
    assert "OVOZ_REQUIRE_2FA must be true or false" in result.stderr


def test_check_deploy_passes_for_a_properly_configured_https_server(tmp_path):
    data = tmp_path / "var"
    ovoz(data, "init")
    result = ovoz(data, "check", "--deploy", OVOZ_HTTPS="true", OVOZ_ALLOWED_HOSTS="ovoz.example.org")
    assert result.returncode == 0, result.stderr
