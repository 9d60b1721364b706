"""The Children and Families Plan 2015/16's targets for the indicators Kinfolio computes."""

from django.db import migrations


def load(apps, schema_editor):
    from kinfolio.performance.published_plan import load_targets

    load_targets(apps)


def unload(apps, schema_editor):
    apps.get_model("performance", "Target").objects.filter(
        source__startswith="Children and Families Plan 2015/16"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("performance", "0002_children_and_families_plan_2015_16")]
    operations = [migrations.RunPython(load, unload)]
