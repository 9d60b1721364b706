"""Placement search (issue 14) on the large authority: the selector (the count of places
and the nearest 50) and the page for a looked after child, as median times, the page's
p95 as a ratio of the trivial page's in the same run, the places offered and the page's
queries.

A large authority generated before the demo stored postcode locations has none; inside
one transaction, rolled back at the end, the demo's postcode units missing a location
are given the ONS Postcode Directory's (``demo_authority.geography``), so distances are
computed.
"""

from statistics import median, quantiles

from benchmarks.harness import timed

RUNS = 20


def _times(client, url: str) -> list[float]:
    times = []
    for _ in range(RUNS):
        seconds, response = timed(lambda: client.get(url), repeat=1)
        assert response.status_code == 200, (url, response.status_code)
        times.append(seconds)
    return times


def _nearest(found):
    """What the page reads: how many places, and the nearest 50."""
    found[:50]
    return found


def _locate_every_postcode() -> int:
    from kinfolio.demo_authority.geography import demo_locations
    from kinfolio.postcodes.models import PostcodeLocation

    stored = set(PostcodeLocation.objects.values_list("postcode", flat=True))
    missing = [found for found in demo_locations() if found.postcode not in stored]
    PostcodeLocation.objects.bulk_create(missing)
    return len(missing)


def run(report) -> None:
    import datetime as dt

    from django.db import connection, transaction
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinfolio.accounts.models import Role, User
    from kinfolio.children_in_care.models import PeriodOfCare
    from kinfolio.fostering.placement_search import search_placements

    with (
        transaction.atomic(),
        override_settings(KINFOLIO_DEMO_2FA_EXEMPT=True, ALLOWED_HOSTS=["testserver"]),
    ):
        located = _locate_every_postcode()
        today = dt.date.today()
        period = (
            PeriodOfCare.objects.filter(end_date__isnull=True, child__date_of_birth__isnull=False)
            .select_related("child")
            .order_by("pk")
            .first()
        )
        child = period.child
        seconds, found = timed(lambda: _nearest(search_placements(child=child, on=today)))
        user = User.objects.create(username="bench-placements", role=Role.SERVICE_MANAGER)
        client = Client()
        client.force_login(user)
        page = reverse("fostering:placement-search", args=[child.local_id])
        trivial = reverse("notifications:list")
        _times(client, page)  # warm the caches once
        page_times, trivial_times = _times(client, page), _times(client, trivial)
        with CaptureQueriesContext(connection) as captured:
            client.get(page)
        transaction.set_rollback(True)
    report("postcode locations added (ONS Postcode Directory, rolled back)", located, "rows")
    report(
        f"placement search for a child aged {child.age_on(today)}: count, nearest 50", seconds, "s"
    )
    report("  places offered (all kinds, any distance)", len(found), "rows")
    report("  the page: median", median(page_times), "s")
    p95, trivial_p95 = quantiles(page_times, n=20)[-1], quantiles(trivial_times, n=20)[-1]
    report("  the page: p95", p95, "s")
    report("  trivial page (notifications): p95", trivial_p95, "s")
    report("  ratio of p95s", p95 / trivial_p95, "x")
    report("  queries", len(captured), "queries")
