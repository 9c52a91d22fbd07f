from django.db import migrations


class Migration(migrations.Migration):
    """Joins the sessions and queries migrations, written side by side."""

    dependencies = [("analysis", "0003_sessions"), ("analysis", "0006_queries")]
    operations = []
