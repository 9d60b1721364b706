"""Loads Kinfolio's starter case file audit tool."""

from django.db import migrations


def load(apps, schema_editor):
    from kinfolio.quality_assurance.starter_tool import load as load_tool

    load_tool(apps)


class Migration(migrations.Migration):
    dependencies = [("quality_assurance", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
