"""The registry's starting facts (registry_data.py): instruments, bodies, articles, ratifications, the reviews
the sources name, and the violation types mapped to articles. Reversing leaves the rows: they may be edited."""

from django.db import migrations


def seed(apps, schema_editor):
    from ovoz.mechanisms import registry_data

    registry_data.load(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("mechanisms", "0001_initial"),
        ("evidence", "0002_vocabulary_seed"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
