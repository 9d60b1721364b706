"""Each page on its own, one request at a time: median and p95 of 20 requests, each as a
ratio of the trivial page's (issue 15 and 17: at most 3x), queries and bytes, and the peak
memory of the largest page, so a slow page can be told from a busy server.

The pages and people are those of the load test (``_load_users.py``), signed in with
its sessions; requests go through the whole middleware stack in this process.
"""

from statistics import median

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks._load_users import prepare
from benchmarks.harness import BENCH_DIR, explain, is_postgresql, p95, peak_memory, samples, size

HOST = "127.0.0.1"


def _pages(people: dict) -> list[tuple[str, str, str]]:
    """(page, role, url) for every page of the load test's journeys."""
    worker, manager = people["social_worker"][0], people["team_manager"][0]
    director, mash = people["director"][0], people["mash_worker"][0]
    child = worker["children"][0] if worker["children"] else director["children"][0]
    visited = mash["children"][0] if mash["children"] else child
    return [
        ("trivial page (notifications)", "social_worker", "/notifications/"),
        ("my caseload", "social_worker", "/"),
        ("my deadlines", "social_worker", "/timescales/"),
        ("a child's record", "social_worker", f"/children/{child}/"),
        ("a child's chronology", "social_worker", f"/children/{child}/chronology/"),
        ("a child's deadlines", "social_worker", f"/children/{child}/deadlines/"),
        ("recording a case note", "social_worker", f"/children/{child}/case-notes/new/"),
        ("search", "mash_worker", "/children/search/?q=smith"),
        ("front door queue", "mash_worker", "/front-door/"),
        ("referrers not yet told", "mash_worker", "/front-door/referrers-to-tell/"),
        ("a child's visits", "mash_worker", f"/children/{visited}/visits/"),
        ("team manager's home", "team_manager", "/my-team/"),
        ("teams list", "team_manager", "/teams/"),
        ("a team", "team_manager", f"/teams/{manager['team']}/"),
        ("team deadlines", "team_manager", f"/timescales/teams/{manager['team']}/"),
        ("teams compared", "director", "/teams/compare/"),
        ("caseload summary", "director", "/performance/caseload-summary/"),
    ]


def _client(session: str) -> Client:
    client = Client(SERVER_NAME=HOST, HTTP_X_FORWARDED_PROTO="https")
    client.cookies["sessionid"] = session
    return client


def _render(session: str, url: str) -> int:
    return len(_client(session).get(url).content)


def _print_search_plan() -> None:
    from kinfolio.accounts.models import User
    from kinfolio.people.selectors import search_children

    print("  plan of search (family names in name order from their index, then the others):")
    user = User.objects.get(username="bench-mash_worker")
    # The query search compiles once, as it ran for the name given.
    with CaptureQueriesContext(connection) as ran:
        search_children(user, "smith")
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {ran.captured_queries[-1]['sql']}")
        for (line,) in cursor.fetchall():
            print(f"    {line}")


def _print_team_deadlines_plan(team_id: int) -> None:
    from django.utils import timezone

    from kinfolio.timescales.selectors import team_deadlines
    from kinfolio.workforce.models import Team

    print("  plan of a page of team deadlines (the team's stored-holder index, in due order):")
    team = Team.objects.select_related("manager__user").get(pk=team_id)
    rows = team_deadlines(team, team.manager.user, today=timezone.localdate())[:50]
    for line in explain(rows).splitlines():
        print(f"    {line}")


def run(report) -> None:
    people = prepare(BENCH_DIR / f"load-users-{size()}.json")
    # As a server process starts (gunicorn imports this): everything loaded, then frozen
    # out of the garbage collector's full collections, which would otherwise fall on
    # whichever page allocates most.
    import kinfolio.wsgi  # noqa: F401

    largest = ("", "", -1, "")
    trivial = None
    columns = ("median ms", 11), ("p95 ms", 8), ("x trivial", 11), ("p95 x", 7)
    columns += ("queries", 9), ("KiB", 6)
    print(f"  {'page':<32}" + "".join(f"{title:>{width}}" for title, width in columns))
    for name, role, url in _pages(people):
        client = _client(people[role][0]["session"])
        client.get(url)  # warm: templates, the calendar, the connection
        times, response = samples(lambda c=client, u=url: c.get(u))
        trivial = trivial or (median(times), p95(times))  # the first page is the trivial one
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        status = "" if response.status_code == 200 else f"  (HTTP {response.status_code})"
        print(
            f"  {name:<32}{median(times) * 1000:>11.0f}{p95(times) * 1000:>8.0f}"
            f"{median(times) / trivial[0]:>10.1f}x{p95(times) / trivial[1]:>6.1f}x"
            f"{len(queries):>9}{len(response.content) / 1024:>6.0f}{status}"
        )
        if len(response.content) > largest[2]:
            largest = (name, url, len(response.content), people[role][0]["session"])
    name, url, _, session = largest
    if is_postgresql():
        _print_search_plan()
        _print_team_deadlines_plan(people["team_manager"][0]["team"])
    peak, added, _ = peak_memory(lambda: _render(session, url))
    report(f"peak memory serving the largest page ({name})", peak, "MiB")
    report("  of which the page's own", added, "MiB")
