"""An index of children in the order search lists them (family name, given name, date of
birth, by code point): a search by one word walks it from the family names starting
with the word and stops at the first 50 children found, rather than reading every child
of a common surname to sort them. PostgreSQL only: SQLite (the demo) has no "C"
collation to name, and scans its small table."""

from django.db import migrations

INDEX = "people_child_name_order"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {INDEX} ON people_person ((UPPER(family_name::text) COLLATE "C"), '
        '(UPPER(given_name::text) COLLATE "C"), date_of_birth, id) WHERE is_child_subject'
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_name_prefix_indexes")]

    operations = [migrations.RunPython(create, drop)]
