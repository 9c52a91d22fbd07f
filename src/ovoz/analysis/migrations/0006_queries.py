from django.db import migrations, models


class Migration(migrations.Migration):
    """A covering index for the co-occurrence matrix (ovoz.analysis.queries.cooccurrence)."""

    dependencies = [("analysis", "0001_initial")]

    operations = [
        migrations.AddIndex(
            model_name="coding",
            index=models.Index(fields=["source", "start", "end", "code", "double_coding"], name="coding_overlap_idx"),
        ),
    ]
