"""On PostgreSQL the database itself refuses to change or delete an access log row, so
that even SQL sent past the application cannot rewrite history without first disabling
the trigger (which needs the table's owner, and still leaves the anchors to catch it)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_access_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The access log is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON audit_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION audit_access_log_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS access_log_append_only ON audit_accesslogentry;
DROP FUNCTION IF EXISTS audit_access_log_append_only();
"""


def on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # the SQL has a literal %

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_refusal_actions")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
