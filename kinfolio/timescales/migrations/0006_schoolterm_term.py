"""Each school term row says which term of the year it is (autumn, spring, summer),
instead of the PEP rule reading the first word of its name.

Existing rows are filled from their name ("Autumn 1" is autumn) or, when the name does
not start with a term, from the month of their first day (September to December
autumn, January to Easter spring, after Easter summer: the months English schools'
published term dates follow).
"""

from django.db import migrations, models

TERMS = ("autumn", "spring", "summer")


def term_of(name: str, start_date) -> str:
    first = (name.split() or [""])[0].lower()
    if first in TERMS:
        return first
    if start_date.month >= 8:
        return "autumn"
    return "spring" if start_date.month <= 3 else "summer"


def fill_terms(apps, schema_editor):
    SchoolTerm = apps.get_model("timescales", "SchoolTerm")
    for row in SchoolTerm.objects.all():
        row.term = term_of(row.name, row.start_date)
        row.save(update_fields=["term"])


class Migration(migrations.Migration):
    dependencies = [("timescales", "0005_stored_clocks")]

    operations = [
        migrations.AddField(
            model_name="schoolterm",
            name="term",
            field=models.CharField(
                choices=[
                    ("autumn", "Autumn term"),
                    ("spring", "Spring term"),
                    ("summer", "Summer term"),
                ],
                max_length=6,
                null=True,
            ),
        ),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="schoolterm",
            name="term",
            field=models.CharField(
                choices=[
                    ("autumn", "Autumn term"),
                    ("spring", "Spring term"),
                    ("summer", "Summer term"),
                ],
                max_length=6,
            ),
        ),
    ]
