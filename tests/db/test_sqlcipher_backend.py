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
