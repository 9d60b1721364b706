"""The IRO workload page (issue 14) as a service manager, who sees every child: the
page's median and p95 time, as a ratio of the trivial page's p95 in the same run, its
query count, and how many IROs and looked after children it counts.

Fetched through Django's test client (no network, no gunicorn), inside a transaction
rolled back at the end (the service manager's account is made for the run).
"""

from statistics import median, quantiles

from benchmarks.harness import timed

RUNS = 20


def _p95(times: list[float]) -> float:
    return quantiles(times, n=20)[-1]


def _times(client, url: str) -> list[float]:
    times = []
    for _ in range(RUNS):
        seconds, response = timed(lambda: client.get(url), repeat=1)
        assert response.status_code == 200, (url, response.status_code)
        times.append(seconds)
    return times


def run(report) -> None:
    from django.db import connection, transaction
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from kinfolio.accounts.models import Role, User
    from kinfolio.children_in_care.selectors import iro_workloads

    with (
        transaction.atomic(),
        override_settings(KINFOLIO_DEMO_2FA_EXEMPT=True, ALLOWED_HOSTS=["testserver"]),
    ):
        user = User.objects.create(username="bench-iro-workload", role=Role.SERVICE_MANAGER)
        rows = list(iro_workloads(user=user, today=timezone.localdate()))
        client = Client()
        client.force_login(user)
        page, trivial = reverse("iros:workload"), reverse("notifications:list")
        _times(client, page)  # warm the caches once
        page_times, trivial_times = _times(client, page), _times(client, trivial)
        with CaptureQueriesContext(connection) as captured:
            client.get(page)
        transaction.set_rollback(True)
    report("IRO workload page as a service manager: median", median(page_times), "s")
    report("  IROs listed", len(rows), "rows")
    report("  looked after children they review", sum(r.children for r in rows), "children")
    report("  p95", _p95(page_times), "s")
    report(
        "  p95 as a ratio of the trivial page's p95", _p95(page_times) / _p95(trivial_times), "x"
    )
    report("  queries", len(captured), "queries")
