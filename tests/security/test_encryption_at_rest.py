"""What a thief of the disk, of a database dump or of a backup file would find: no testimony in plain text."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from ovoz.accounts.models import User
from ovoz.storage import EncryptedFileSystemStorage
from tests.backup import RU_PHRASE, UZ_PHRASE, populated_install

PHRASES = [RU_PHRASE.encode("utf-8"), UZ_PHRASE.encode("utf-8")]


@pytest.fixture(scope="module")
def install(tmp_path_factory):
    return populated_install(tmp_path_factory)


@pytest.mark.slow
def test_the_sqlcipher_database_file_holds_no_testimony_in_plain_text(install):
    # The phrases really are in the database, as a full name, an organisation and an audit row...
    assert install.snapshot["full_name"] == RU_PHRASE
    assert install.snapshot["organisation"] == UZ_PHRASE
    # ...and the last writes were still in the write-ahead log when the bytes were read.
    assert set(install.raw_database) >= {"ovoz.db", "ovoz.db-wal"}
    assert len(install.raw_database["ovoz.db-wal"]) > 0
    assert not install.raw_database["ovoz.db"].startswith(b"SQLite format 3")
    for name, data in install.raw_database.items():
        for phrase in [*PHRASES, b"witness", b"accounts_user"]:
            assert phrase not in data, (name, phrase)


@pytest.mark.slow
def test_the_backup_archive_holds_neither_testimonies_nor_the_master_key_in_plain_text(install):
    data = install.archive.read_bytes()
    master_key = (install.data_dir / "keys" / "master.key").read_text().strip()
    assert data.startswith(b"OVOZBACKUP")
    for secret in [*PHRASES, master_key.encode(), bytes.fromhex(master_key), b"witness", b"ustar", b"manifest.json"]:
        assert secret not in data, secret


def test_an_uploaded_file_is_stored_encrypted_on_disk(tmp_path):
    storage = EncryptedFileSystemStorage(location=tmp_path)
    plain = RU_PHRASE.encode("utf-8") + b"\n" + UZ_PHRASE.encode("utf-8")
    name = storage.save("testimonies/voice-note.txt", ContentFile(plain))
    on_disk = (tmp_path / name).read_bytes()
    assert on_disk != plain
    for phrase in PHRASES:
        assert phrase not in on_disk
    assert storage.open(name).read() == plain


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the raw column is checked on PostgreSQL")
@pytest.mark.django_db
def test_on_postgresql_a_full_name_is_stored_encrypted_in_its_column():
    user = User.objects.create(username="witness", full_name=RU_PHRASE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name FROM accounts_user WHERE id = %s", [user.pk])
        (raw,) = cursor.fetchone()
    assert raw.startswith("enc1:")
    assert RU_PHRASE not in raw
    assert User.objects.get(pk=user.pk).full_name == RU_PHRASE
