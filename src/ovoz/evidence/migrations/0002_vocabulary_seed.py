"""Seed the shared controlled vocabularies (migrant status, violations, perpetrators, interventions, rights,
regions, work sectors, household roles) in the five interface languages, from ovoz.evidence.vocabulary_data."""

from django.db import migrations

from ovoz.evidence import vocabulary_data


def seed(apps, schema_editor):
    vocabulary_data.load(apps.get_model("evidence", "Term"))


def unseed(apps, schema_editor):
    vocabulary_data.unload(apps.get_model("evidence", "Term"))


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
