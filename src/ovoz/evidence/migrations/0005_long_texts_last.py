"""The transcript's fingerprint, and on SQLite the long texts moved to the end of the source row.

SQLite stores a row's columns in order; a value too long for its page continues on overflow pages linked one
to the next. Reading a column stored after a 1 MB transcript (the partnership, whether it is shared) means
following all of them — on SQLCipher decrypting each — whenever the page cache is cold, which it is after any
other connection (another server thread) has written. With the long texts last, the access checks and lists
read only the short columns at the start of the row. PostgreSQL keeps long values out of line already.
"""

from django.db import migrations, models

LONG_TEXTS = [
    ("transcript", models.TextField(blank=True, verbose_name="transcript")),
    ("translation_en", models.TextField(blank=True, verbose_name="English translation")),
    ("notes", models.TextField(blank=True, verbose_name="notes")),
    ("stakeholders_present", models.TextField(blank=True, verbose_name="stakeholders present")),
    ("outcomes", models.TextField(blank=True, verbose_name="outcomes")),
]


def rebuild_with_long_texts_last(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    # The table is made again from the model as the state now has it (the long texts last), copying every
    # row by column name, with its indexes and constraints — what Django does for most changes on SQLite.
    schema_editor._remake_table(apps.get_model("evidence", "Source"))


def fill_digests(apps, schema_editor):
    import hashlib

    Source = apps.get_model("evidence", "Source")
    batch = []
    for source in Source.objects.only("pk", "transcript").iterator(chunk_size=500):
        source.transcript_digest = hashlib.blake2b(source.transcript.encode("utf-8"), digest_size=16).hexdigest()
        batch.append(source)
        if len(batch) >= 500:
            Source.objects.bulk_update(batch, ["transcript_digest"])
            batch = []
    if batch:
        Source.objects.bulk_update(batch, ["transcript_digest"])


class Migration(migrations.Migration):

    dependencies = [
        ("evidence", "0004_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="source",
            name="transcript_digest",
            field=models.CharField(blank=True, editable=False, max_length=32),
        ),
        # Only the state's order of fields changes here (no column is dropped): the rebuild below follows it.
        migrations.SeparateDatabaseAndState(
            state_operations=[op for name, field in LONG_TEXTS for op in (
                migrations.RemoveField(model_name="source", name=name),
                migrations.AddField(model_name="source", name=name, field=field),
            )],
        ),
        migrations.RunPython(rebuild_with_long_texts_last, migrations.RunPython.noop),
        migrations.RunPython(fill_digests, migrations.RunPython.noop),
    ]
