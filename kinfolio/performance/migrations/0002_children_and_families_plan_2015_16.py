"""Loads Milton Keynes's Children and Families Plan 2015/16 as published (a demonstration
of the plan tracker)."""

from django.db import migrations


def load(apps, schema_editor):
    from kinfolio.performance.published_plan import load as load_plan

    load_plan(apps)


def unload(apps, schema_editor):
    apps.get_model("performance", "Plan").objects.filter(name="Children and Families Plan 2015/16").delete()


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_targets_and_plans")]
    operations = [migrations.RunPython(load, unload)]
