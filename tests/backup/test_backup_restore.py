"""`ovoz backup` and `ovoz restore`, run as the real command on real data dirs."""

import io
import re
import stat
import uuid

import pytest
from django.conf import settings
from django.db import connection

from ovoz import __version__
from ovoz.backup import archive
from ovoz.backup import sealed as sealed_mod
from ovoz.backup.archive import BackupError
from tests.backup import PASSPHRASE, RU_PHRASE, UZ_PHRASE, listing, ovoz, populated_install, snapshot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def install(tmp_path_factory):
    return populated_install(tmp_path_factory)


@pytest.fixture(scope="module")
def restored(install, tmp_path_factory):
    target = tmp_path_factory.mktemp("restored") / "var"
    result = ovoz(target, "restore", str(install.archive), OVOZ_BACKUP_PASSPHRASE_FILE=str(install.passphrase_file))
    assert "Restored the backup" in result.stdout
    return target


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_restored_into_an_empty_data_dir_reproduces_users_programmes_and_files(install, restored):
    # 13 demo logins, the call's reviewer (who cannot sign in) and the user with a known full name.
    assert install.snapshot["users"] == 15 and install.snapshot["programmes"] == 1
    after = snapshot(restored)
    assert after == install.snapshot
    assert after["full_name"] == RU_PHRASE and after["organisation"] == UZ_PHRASE
    assert "Voice note transcript" in after["file"]


def test_a_restore_brings_back_the_same_master_key_readable_only_by_its_owner(install, restored):
    key = restored / "keys" / "master.key"
    assert key.read_bytes() == (install.data_dir / "keys" / "master.key").read_bytes()
    assert mode(key) == 0o600
    assert mode(restored) == mode(restored / "keys") == 0o700
    assert mode(restored / "ovoz.db") == 0o600
    assert not [name for name in listing(restored) if "restor" in name or "partial" in name]


def test_a_restored_installation_keeps_audit_rows_of_removed_accounts_and_granted_permissions(install, restored):
    after = snapshot(restored)
    assert after["audit_rows"] == install.snapshot["audit_rows"] > 30
    assert after["audit_rows_of_removed_author"] == 1
    assert after["permissions"] == ["view_programme"]
    assert after["demo_password_works"] is True


def test_a_wrong_passphrase_is_refused_and_leaves_the_target_data_dir_empty(install, tmp_path):
    target = tmp_path / "var"
    target.mkdir()
    result = ovoz(target, "restore", str(install.archive), check=False, OVOZ_BACKUP_PASSPHRASE="not the passphrase")
    assert result.returncode != 0
    assert "Wrong passphrase or damaged archive" in result.stderr
    assert listing(target) == []


def test_a_truncated_or_altered_archive_is_refused_and_leaves_the_target_data_dir_empty(install, tmp_path):
    data = install.archive.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    for name, damaged in (("truncated", data[: len(data) - 100]), ("altered", bytes(flipped))):
        path = tmp_path / f"{name}.bin"
        path.write_bytes(damaged)
        target = tmp_path / name / "var"
        result = ovoz(target, "restore", str(path), "--passphrase-file", str(install.passphrase_file), check=False)
        assert result.returncode != 0, name
        assert "Wrong passphrase or damaged archive" in result.stderr, name
        assert listing(target) == [], name


def test_a_restore_into_a_data_dir_that_already_has_a_master_key_is_refused(install):
    before = (install.data_dir / "ovoz.db").read_bytes()
    passphrase = ("--passphrase-file", str(install.passphrase_file))
    result = ovoz(install.data_dir, "restore", str(install.archive), *passphrase, check=False)
    assert result.returncode != 0
    assert "already has a master key" in result.stderr
    assert "restore only into an empty data dir" in result.stderr
    assert (install.data_dir / "ovoz.db").read_bytes() == before


def test_a_backup_without_a_passphrase_or_with_a_short_one_is_refused_and_writes_nothing(install, tmp_path):
    target = tmp_path / "backup.bin"
    missing = ovoz(install.data_dir, "backup", str(target), check=False)
    assert missing.returncode != 0
    assert "No passphrase: give --passphrase-file FILE" in missing.stderr
    short = ovoz(install.data_dir, "backup", str(target), check=False, OVOZ_BACKUP_PASSPHRASE="short")
    assert short.returncode != 0
    assert "at least 12 characters" in short.stderr
    assert listing(tmp_path) == []


def test_a_backup_never_overwrites_an_existing_file(install):
    before = install.archive.read_bytes()
    result = ovoz(install.data_dir, "backup", str(install.archive), check=False, OVOZ_BACKUP_PASSPHRASE=PASSPHRASE)
    assert result.returncode != 0
    assert "already exists" in result.stderr
    assert install.archive.read_bytes() == before


@pytest.mark.parametrize("size", [0, 2 * archive.CHUNK_SIZE, 2 * archive.CHUNK_SIZE + 5])
def test_the_encrypted_container_gives_back_exactly_what_was_sealed_and_notices_a_missing_chunk(size):
    plain = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    sealed = io.BytesIO()
    sealer = sealed_mod.Sealer(sealed, PASSPHRASE)
    sealer.write(plain)
    sealer.close()
    data = sealed.getvalue()
    assert sealed_mod.Opener.open(io.BytesIO(data), PASSPHRASE).read() == plain
    # Cut after the first chunk: what is left would still be a valid prefix, so the cut must be noticed.
    cut = data[: sealed_mod._HEADER.size + archive.CHUNK_SIZE + sealed_mod._TAG]
    if len(cut) < len(data):
        with pytest.raises(BackupError, match="damaged archive"):
            sealed_mod.Opener.open(io.BytesIO(cut), PASSPHRASE).read()


def test_a_backup_of_another_database_schema_is_refused_before_anything_is_written(install):
    manifest, _, _ = archive._read(install.archive, PASSPHRASE)
    archive._check_migrations(manifest)
    older = {**manifest, "migrations": [m for m in manifest["migrations"] if m != "audit.0002_append_only"]}
    with pytest.raises(BackupError, match=f"restore it with Ovoz {re.escape(__version__)}, then upgrade"):
        archive._check_migrations(older)
    newer = {**manifest, "migrations": [*manifest["migrations"], "audit.0099_from_the_future"]}
    with pytest.raises(BackupError, match="audit.0099_from_the_future"):
        archive._check_migrations(newer)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs when the suite runs on PostgreSQL")
def test_a_backup_restores_into_an_empty_postgresql_database_and_not_into_a_full_one(install, tmp_path):
    import psycopg

    db = settings.DATABASES["default"]
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or "5432",
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
    }
    name = f"ovoz_restore_{uuid.uuid4().hex[:12]}"
    pg_env = {
        "OVOZ_DB_ENGINE": "postgres",
        "OVOZ_DB_NAME": name,
        "OVOZ_DB_USER": params["user"] or "",
        "OVOZ_DB_PASSWORD": params["password"] or "",
        "OVOZ_DB_HOST": params["host"],
        "OVOZ_DB_PORT": str(params["port"]),
        "OVOZ_BACKUP_PASSPHRASE_FILE": str(install.passphrase_file),
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        target = tmp_path / "pg" / "var"
        ovoz(target, "restore", str(install.archive), **pg_env)
        assert snapshot(target, **pg_env) == install.snapshot
        again = tmp_path / "again" / "var"
        refused = ovoz(again, "restore", str(install.archive), check=False, **pg_env)
        assert refused.returncode != 0
        assert "already holds Ovoz data" in refused.stderr
        assert listing(again) == []
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
