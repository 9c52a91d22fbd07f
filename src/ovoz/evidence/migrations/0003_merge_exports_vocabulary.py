from django.db import migrations


class Migration(migrations.Migration):
    """Joins two migrations written side by side: export records and the vocabulary seed."""

    dependencies = [
        ("evidence", "0002_participants_exports"),
        ("evidence", "0002_vocabulary_seed"),
    ]
    operations = []
