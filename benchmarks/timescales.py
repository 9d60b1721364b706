"""Deadlines over the whole authority (issue 17: every open deadline under 5 seconds).

Pages read the clocks the engine stored; this prints how long every open deadline of
the authority takes to read with its status and holder, against a plain SQL count of
the same rows (the floor any reading could reach), and then the engine itself over
every child (``refresh_clocks``, the daily job) with its peak memory. On PostgreSQL it
also prints the plans of the deadline pages' queries, to check they use their indexes.
"""

from django.db import connection
from django.utils import timezone

from benchmarks.harness import explain, is_postgresql, peak_memory, timed


def _every_open_deadline(today) -> int:
    """Every open deadline with who holds it, and how many have each status: what the
    pages read, for the whole authority at once (no page lists 25,000 rows, so none
    is rendered)."""
    from kinfolio.people.models import Person
    from kinfolio.timescales.selectors import status_counts, stored_clocks

    rows = stored_clocks(Person.objects.filter(is_child_subject=True), today=today)
    held = list(rows.values_list("pk", "due_on", "holder_worker", "holder_team"))
    counts = status_counts(rows, today=today)
    assert sum(counts.values()) == len(held)
    return len(held)


def _plain_count(today) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM timescales_storedclock c "
            "JOIN timescales_timescalerule r ON r.id = c.rule_id "
            "WHERE c.stopped_on IS NULL AND NOT r.reporting_only "
            "AND (c.started_on <= %s OR r.before)",
            [today],
        )
        return cursor.fetchone()[0]


def _refresh_everything() -> tuple[float, int]:
    from kinfolio.people.models import Person
    from kinfolio.timescales.services import refresh_clocks

    return timed(lambda: refresh_clocks(Person.objects.filter(is_child_subject=True)), repeat=1)


def _print_plans(today) -> None:
    from kinfolio.accounts.models import User
    from kinfolio.timescales.selectors import deadlines_for_user, team_deadlines
    from kinfolio.workforce.models import Team

    user = User.objects.filter(worker__isnull=False, role="social_worker").first()
    team = Team.objects.filter(manager__user__isnull=False).first()
    if user is None or team is None:
        return  # the load test makes the users; run it first to see these plans
    for label, rows in (
        ("my deadlines", deadlines_for_user(user, today=today)[:50]),
        ("team deadlines", team_deadlines(team, team.manager.user, today=today)[:50]),
    ):
        print(f"  plan of {label}:")
        for line in explain(rows).splitlines():
            print(f"    {line}")


def run(report) -> None:
    from kinfolio.timescales.calendar import default_calendar

    today = timezone.localdate()
    default_calendar()  # built once per process; not what is measured
    peak, added, (seconds, stored) = peak_memory(_refresh_everything)
    report("the engine over every child (refresh_clocks, the daily job)", seconds, "s")
    report("  clocks stored", stored, "clocks")
    report("  peak memory", peak, "MiB")
    report("  of which the engine's own", added, "MiB")
    count_seconds, count = timed(lambda: _plain_count(today))
    read_seconds, read = timed(lambda: _every_open_deadline(today))
    report("every open deadline of the authority, with status and holder", read_seconds, "s")
    report("  open deadlines", read, "clocks")
    report("  a plain SQL count of the same rows", count_seconds, "s")
    report("  ratio to the plain count", read_seconds / count_seconds, "x")
    report("  rows the plain count found", count, "clocks")
    if is_postgresql():
        _print_plans(today)
