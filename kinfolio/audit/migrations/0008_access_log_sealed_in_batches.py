"""The access log is sealed in batches (``audit.services.access_log``): entries keep
their place in the first chain if they have one; seals are append-only on PostgreSQL
as entries are. The first seal made covers every entry written before."""

from django.db import migrations, models

CREATE = """
CREATE TRIGGER access_log_seal_append_only
    BEFORE UPDATE OR DELETE ON audit_accesslogseal
    FOR EACH ROW EXECUTE FUNCTION audit_access_log_append_only();
"""
DROP = "DROP TRIGGER IF EXISTS access_log_seal_append_only ON audit_accesslogseal;"


def on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0007_access_log_append_only_on_postgresql'),
    ]

    operations = [
        migrations.CreateModel(
            name='AccessLogSeal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sequence', models.PositiveBigIntegerField(unique=True)),
                ('after_id', models.PositiveBigIntegerField(unique=True)),
                ('last_id', models.PositiveBigIntegerField()),
                ('count', models.PositiveIntegerField()),
                ('missing', models.TextField(blank=True, help_text='Entry numbers in the range not there')),
                ('sealed_at', models.DateTimeField()),
                ('previous_hash', models.CharField(max_length=64)),
                ('seal_hash', models.CharField(max_length=64, unique=True)),
            ],
            options={
                'ordering': ['sequence'],
            },
        ),
        migrations.DeleteModel(
            name='AccessLogHead',
        ),
        migrations.AlterModelOptions(
            name='accesslogentry',
            options={'ordering': ['pk'], 'verbose_name_plural': 'access log entries'},
        ),
        migrations.AlterField(
            model_name='accesslogentry',
            name='entry_hash',
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name='accesslogentry',
            name='previous_hash',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name='accesslogentry',
            name='sequence',
            field=models.PositiveBigIntegerField(blank=True, null=True, unique=True),
        ),
        migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP)),
    ]
