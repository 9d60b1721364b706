"""The front door queue (issue 13): a MASH worker's queue of contacts waiting for a
decision, its median and p95 time over 20 requests, p95 as a ratio of the trivial
page's p95 in the same run, and its query count. (A child's record is in ``pages``.)

The generated authority has decided nearly every contact, so inside one transaction,
rolled back at the end, its latest ``WAITING`` contacts are made undecided: the queue
then shows its full 200 rows. The page is fetched through Django's test client (no
network, no gunicorn) by the load test's signed-in MASH worker (``_load_users.py``).
"""

from statistics import median

from benchmarks._load_users import prepare
from benchmarks.harness import BENCH_DIR, p95, samples, size

WAITING = 300


def _times(client, url: str) -> list[float]:
    times, response = samples(lambda: client.get(url))
    assert response.status_code == 200, (url, response.status_code)
    return times


def run(report) -> None:
    from django.db import connection, transaction
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinfolio.accounts.models import User
    from kinfolio.front_door.models import Contact
    from kinfolio.front_door.queue import front_door_queue

    people = prepare(BENCH_DIR / f"load-users-{size()}.json")
    with (
        transaction.atomic(),
        override_settings(KINFOLIO_DEMO_2FA_EXEMPT=True, ALLOWED_HOSTS=["testserver"]),
    ):
        latest = Contact.objects.order_by("-received_at").values_list("pk", flat=True)[:WAITING]
        waiting = Contact.objects.filter(pk__in=list(latest)).update(
            decision="",
            decided_at=None,
            decided_by=None,
            referrer_informed_at=None,
            referrer_informed_method="",
        )
        shown = len(front_door_queue(User.objects.get(username="bench-mash_worker")))
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        client.cookies["sessionid"] = people["mash_worker"][0]["session"]
        queue = reverse("mash:queue")
        client.get(queue)  # warm the caches once
        queue_times = _times(client, queue)
        trivial_times = _times(client, reverse("notifications:list"))
        with CaptureQueriesContext(connection) as captured:
            client.get(queue)
        transaction.set_rollback(True)
    report("front door queue: median", median(queue_times), "s")
    report("  contacts made undecided", waiting, "rows")
    report("  of which in the MASH worker's queue (its limit is 200)", shown, "rows")
    report("  p95", p95(queue_times), "s")
    report("  p95 as a ratio of the trivial page's p95", p95(queue_times) / p95(trivial_times), "x")
    report("  queries", len(captured), "queries")
