"""Each stored clock says who holds the deadline now (``holder_worker``,
``holder_team``), so that a team's and a worker's deadlines are one indexed range.

The columns the engine filled with the worker and team named on the record become the
holder's; existing rows are given their holder by the rule of ``engine.held`` as it
stands today (frozen here): the child's current allocation in the clock's role, else
as social worker, else the record's; a worker past their leaving date holds nothing.
"""

from django.db import migrations, models
from django.db.models import Case, Exists, OuterRef, Q, Subquery, When
from django.utils import timezone


def fill_holders(apps, schema_editor):
    StoredClock = apps.get_model("timescales", "StoredClock")
    Allocation = apps.get_model("workforce", "Allocation")
    today = timezone.localdate()
    current = Allocation.objects.filter(child=OuterRef("child"), end_date__isnull=True)
    in_role = current.filter(role=OuterRef("role"))
    as_social_worker = current.filter(role="social_worker")
    in_post = Q(worker__end_date__isnull=True) | Q(worker__end_date__gte=today)

    def holder(field, column, keep_worker):
        def value(allocations):
            if keep_worker:
                allocations = allocations.filter(in_post)
            return Subquery(allocations.values(column)[:1])

        return Case(
            When(Exists(in_role), then=value(in_role)),
            When(Exists(as_social_worker), then=value(as_social_worker)),
            default=models.F(field),
            output_field=models.BigIntegerField(),
        )

    StoredClock.objects.filter(Exists(current)).update(
        holder_worker=holder("holder_worker", "worker", keep_worker=True),
        holder_team=holder("holder_team", "team", keep_worker=False),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("timescales", "0006_schoolterm_term"),
        ("workforce", "0004_open_allocations_by_team"),
    ]

    operations = [
        migrations.RenameField("storedclock", "worker", "holder_worker"),
        migrations.RenameField("storedclock", "team", "holder_team"),
        migrations.AddIndex(
            model_name="storedclock",
            index=models.Index(
                condition=models.Q(("stopped_on__isnull", True)),
                fields=["holder_team", "due_on"],
                name="open_clocks_by_team",
            ),
        ),
        migrations.AddIndex(
            model_name="storedclock",
            index=models.Index(
                condition=models.Q(("stopped_on__isnull", True)),
                fields=["holder_worker", "due_on"],
                name="open_clocks_by_worker",
            ),
        ),
        # Last: PostgreSQL cannot build an index on a table with the update's pending
        # foreign key checks in the same transaction.
        migrations.RunPython(fill_holders, migrations.RunPython.noop, elidable=True),
    ]
