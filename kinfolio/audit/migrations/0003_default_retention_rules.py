"""Default retention rules. Each council must check them against its own retention
schedule: the sources say which periods come from regulations and which are local."""

from django.db import migrations

CONFIRM = "Confirm against the council's retention schedule."
LOCAL = "Local policy — to be confirmed by the council's records manager."

DEFAULTS = [
    {
        "category": "child_protection",
        "until_birthday": 25,
        "source": "Commonly applied; no period is set in regulations. " + CONFIRM + " Councils "
        "differ: a policy of keeping child protection records for 35 years after closure was "
        "held lawful in R (C) v Northumberland County Council [2015] EWHC 2134 (Admin).",
    },
    {
        "category": "looked_after",
        "until_birthday": 75,
        "source": "Care Planning, Placement and Case Review (England) Regulations 2010, "
        "regulation 50: the case record is kept until the 75th anniversary of the child's "
        "birth (or for 15 years after their death if they die before 18, which Kinfolio does "
        "not yet calculate). Commonly applied. " + CONFIRM,
    },
    {
        "category": "adoption",
        "years_after_adoption_order": 100,
        "source": "Disclosure of Adoption Information (Post-Commencement Adoptions) "
        "Regulations 2005, regulation 6: at least 100 years from the date of the adoption "
        "order. Commonly applied. " + CONFIRM,
    },
    {"category": "child_in_need", "until_birthday": 25, "source": LOCAL},
    {"category": "early_help", "years_after_closure": 6, "source": LOCAL},
    {"category": "contact_only", "years_after_closure": 6, "source": LOCAL},
]


def load(apps, schema_editor):
    RetentionRule = apps.get_model("audit", "RetentionRule")
    for fields in DEFAULTS:
        RetentionRule.objects.get_or_create(category=fields["category"], defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_retention_rules")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
