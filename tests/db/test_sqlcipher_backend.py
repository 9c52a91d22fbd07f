import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the embedded database only")


def test_the_embedded_database_is_sqlcipher_with_full_text_search(db):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cipher_version")
        assert cursor.fetchone()[0]
        cursor.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        cursor.execute("INSERT INTO probe(body) VALUES (%s)", ["ish haqi to'lanmadi"])
        cursor.execute("SELECT count(*) FROM probe WHERE probe MATCH %s", ['"haqi"'])
        assert cursor.fetchone()[0] == 1


def test_dates_and_booleans_round_trip_through_the_sqlcipher_driver(cast):
    from ovoz.programmes.models import Programme

    programme = Programme.objects.get(pk=cast.programme.pk)
    assert programme.starts_on.year == 2022
    assert Programme.objects.filter(is_fictional=False).count() == 2


def _file_connection(tmp_path, **options):
    from ovoz.db.sqlcipher.base import DatabaseWrapper

    settings = {**connection.settings_dict, "NAME": str(tmp_path / "probe.db"),
                "OPTIONS": {"timeout": 5, **options}}
    return DatabaseWrapper(settings, alias="probe")


@pytest.mark.parametrize(("option", "level"), [(None, 1), ("normal", 1), ("FULL", 2)])
def test_a_database_file_is_written_ahead_and_synced_as_configured(db, tmp_path, option, level):
    probe = _file_connection(tmp_path, **({"synchronous": option} if option else {}))
    try:
        with probe.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == level
    finally:
        probe.close()


def test_an_unknown_synchronous_level_is_refused_with_the_setting_named(db, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    probe = _file_connection(tmp_path, synchronous="OFF")
    with pytest.raises(ImproperlyConfigured, match="OVOZ_DB_SYNCHRONOUS"):
        probe.ensure_connection()


@pytest.mark.parametrize(("setting", "kib"), [(None, 64 * 1024), ("8", 8 * 1024)])
def test_a_database_file_keeps_a_large_page_cache_as_configured(db, tmp_path, monkeypatch, setting, kib):
    """Pages are decrypted on every read from disk: the cache (OVOZ_DB_CACHE_MB, 64 MB by default) keeps them."""
    if setting:
        monkeypatch.setenv("OVOZ_DB_CACHE_MB", setting)
    probe = _file_connection(tmp_path)
    try:
        with probe.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            assert cursor.fetchone()[0] == -kib
    finally:
        probe.close()
