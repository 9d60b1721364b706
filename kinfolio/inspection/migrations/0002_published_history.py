"""Preloads the grading scales and the council's four inspections as published."""

from django.db import migrations


def load(apps, schema_editor):
    from kinfolio.inspection.published import load as load_published

    load_published(apps)


class Migration(migrations.Migration):
    dependencies = [("inspection", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
