"""Indexes for finding a child by the start of a name, as search does
(``UPPER(name) LIKE 'SMI%'``). PostgreSQL only: it needs ``text_pattern_ops`` so the
index serves a prefix match whatever the database's collation; SQLite (the demo)
scans its small table."""

from django.db import migrations

NAMES = ("given_name", "family_name", "preferred_name")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in NAMES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS people_child_{name}_prefix ON people_person "
            f"(UPPER({name}::text) text_pattern_ops) WHERE is_child_subject"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in NAMES:
        schema_editor.execute(f"DROP INDEX IF EXISTS people_child_{name}_prefix")


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
