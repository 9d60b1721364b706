"""The assessment sign-off queue of the busiest team manager (issue 13): the page's
median and p95 time, as a ratio of the trivial page's p95 in the same run, and its
query count.

The generated authority has authorised assessments and ones still being written,
none sent for sign-off; so inside one transaction, rolled back at the end, every open
assessment of the team with most of them is marked as sent, and the page is fetched
as that team's manager through Django's test client (no network, no gunicorn).
"""

from statistics import median

from benchmarks.harness import p95, samples


def _times(client, url: str) -> list[float]:
    times, response = samples(lambda: client.get(url))
    assert response.status_code == 200, (url, response.status_code)
    return times


def run(report) -> None:
    from django.db import connection, transaction
    from django.db.models import Count, Q
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from kinfolio.accounts.models import Role, User
    from kinfolio.assessments.models import Assessment
    from kinfolio.assessments.selectors import awaiting_authorisation
    from kinfolio.workforce.models import Team

    open_ones = Q(workers__assessments__authorised_date__isnull=True)
    team = (
        Team.objects.filter(manager__isnull=False)
        .annotate(waiting=Count("workers__assessments", filter=open_ones))
        .order_by("-waiting")
        .first()
    )
    with (
        transaction.atomic(),
        override_settings(KINFOLIO_DEMO_2FA_EXEMPT=True, ALLOWED_HOSTS=["testserver"]),
    ):
        manager = team.manager
        user = manager.user or User.objects.create(
            username="bench-sign-off", role=Role.TEAM_MANAGER
        )
        user.role = Role.TEAM_MANAGER
        user.save()
        if manager.user_id is None:
            manager.user = user
            manager.save(update_fields=["user"])
        sent = Assessment.objects.filter(worker__team=team, authorised_date__isnull=True).update(
            submitted_at=timezone.now()
        )
        shown = awaiting_authorisation(user).count()
        client = Client()
        client.force_login(user)
        queue = reverse("assessments:sign-off-queue")
        trivial = reverse("notifications:list")
        _times(client, queue)  # warm the caches once
        queue_times, trivial_times = _times(client, queue), _times(client, trivial)
        with CaptureQueriesContext(connection) as captured:
            client.get(queue)
        transaction.set_rollback(True)
    report(f"sign-off queue of {team}: median", median(queue_times), "s")
    report("  assessments marked as sent for sign-off", sent, "rows")
    report("  of which in the manager's queue (their children, their team)", shown, "rows")
    report("  p95", p95(queue_times), "s")
    report("  p95 as a ratio of the trivial page's p95", p95(queue_times) / p95(trivial_times), "x")
    report("  queries", len(captured), "queries")
