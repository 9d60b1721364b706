"""The load test's journeys (Locust): 50 people of the council at work at once.

Run by ``benchmarks/load.py``, which starts the server and passes the people file in
``KINFOLIO_LOAD_USERS``. Every request is named after the page, so the figures are per
page; every kind of user also opens the trivial page that the others are compared to.
Each request's time at the client and its server's own account of it (the
``Server-Timing`` header of ``benchmarks/_timing.py``) are written to the CSV file named
in ``KINFOLIO_LOAD_TIMINGS``, so ``load.py`` can tell a slow page from a busy machine.
"""

import csv
import itertools
import json
import os
import random
import time

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["KINFOLIO_LOAD_USERS"]).read())  # noqa: SIM115
PEOPLE = {role: itertools.cycle(people) for role, people in PLAN["people"].items()}
TRIVIAL = "trivial page (notifications)"  # the base layout and one indexed query
# Behind the council's proxy, which terminates TLS.
HEADERS = {"X-Forwarded-Proto": "https"}
# Reading a page before the next click: tens of seconds for a record or a list.
# Shorter waits saturate a 2-core server, and every page then measures the queue. The
# warm-up (``load.py``) sets almost none, to open every page on every server process.
WAIT = [float(s) for s in os.environ.get("KINFOLIO_LOAD_WAIT", "10,30").split(",")]
# A line at a time: Locust ends without closing it, and a buffer would lose the last rows.
TIMINGS = csv.writer(open(os.environ["KINFOLIO_LOAD_TIMINGS"], "w", newline="", buffering=1))  # noqa: SIM115
TIMINGS.writerow(["at", "page", "client", "app", "cpu", "db"])
STARTED = time.monotonic()


@events.request.add_listener
def write_timing(name, response_time, response, exception, **_) -> None:
    if exception is None and response is not None:
        # "app;dur=12.3, cpu;dur=9.8, db;dur=1.2" -> {"app": "12.3", ...}
        server = dict(
            part.strip().replace(";dur=", "=").split("=")
            for part in response.headers.get("Server-Timing", "").split(",")
            if ";dur=" in part
        )
        server_times = (server.get(measure, "") for measure in ("app", "cpu", "db"))
        at = f"{time.monotonic() - STARTED:.1f}"  # seconds into the run: when a slow one came
        TIMINGS.writerow([at, name, f"{response_time:.1f}", *server_times])


class Colleague(HttpUser):
    abstract = True
    role = ""
    wait_time = between(*WAIT)

    def on_start(self) -> None:
        self.me = next(PEOPLE[self.role])
        self.client.cookies.set("sessionid", self.me["session"])
        # A first click after reading for a while, as every later one: started together,
        # the 50 people would click within the 5 seconds of their start, a burst no
        # working day has, and those 50 requests are the slowest 5-10% of a short run.
        self.wait()

    def page(self, url: str, name: str) -> None:
        # Not followed: a session the server no longer knows would be sent to sign in and
        # the sign-in page timed in place of the page.
        with self.client.get(
            url, name=name, headers=HEADERS, catch_response=True, allow_redirects=False
        ) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code} from {url}")

    def of_a_child(self, path: str, name: str) -> None:
        """A page of one of the children this person works with (``path`` in their record)."""
        if self.me["children"]:
            self.page(f"/children/{random.choice(self.me['children'])}/{path}", name)

    def child(self) -> None:
        self.of_a_child("", "a child's record")

    def search(self) -> None:
        self.page(f"/children/search/?q={random.choice(PLAN['searches'])}", "search")

    @task(1)
    def trivial(self) -> None:
        self.page("/notifications/", TRIVIAL)


class SocialWorker(Colleague):
    role = "social_worker"
    fixed_count = 30

    @task(3)
    def caseload(self) -> None:
        self.page("/", "my caseload")

    @task(2)
    def deadlines(self) -> None:
        self.page("/timescales/", "my deadlines")

    @task(4)
    def record(self) -> None:
        self.child()

    @task(1)
    def find(self) -> None:
        self.search()

    @task(1)
    def chronology(self) -> None:
        self.of_a_child("chronology/", "a child's chronology")

    @task(1)
    def child_deadlines(self) -> None:
        self.of_a_child("deadlines/", "a child's deadlines")

    @task(1)
    def case_note(self) -> None:
        # The form only: a posted note would grow the bench authority with every run.
        self.of_a_child("case-notes/new/", "recording a case note")


class TeamManager(Colleague):
    role = "team_manager"
    fixed_count = 10

    @task(2)
    def my_team(self) -> None:
        self.page("/my-team/", "team manager's home")

    @task(1)
    def teams(self) -> None:
        self.page("/teams/", "teams list")

    @task(2)
    def team(self) -> None:
        self.page(f"/teams/{self.me['team']}/", "a team")

    @task(2)
    def team_deadlines(self) -> None:
        self.page(f"/timescales/teams/{self.me['team']}/", "team deadlines")

    @task(2)
    def record(self) -> None:
        self.child()


class Director(Colleague):
    role = "director"
    fixed_count = 3

    @task(2)
    def summary(self) -> None:
        self.page("/performance/caseload-summary/", "caseload summary")

    @task(1)
    def teams(self) -> None:
        self.page("/teams/", "teams list")

    @task(1)
    def teams_compared(self) -> None:
        self.page("/teams/compare/", "teams compared")

    @task(1)
    def team(self) -> None:
        self.page(f"/teams/{random.choice(self.me['teams'])}/", "a team")

    @task(1)
    def record(self) -> None:
        self.child()


class ServiceManager(Director):
    role = "service_manager"
    fixed_count = 2


class FrontDoorWorker(Colleague):
    role = "mash_worker"
    fixed_count = 5

    @task(3)
    def queue(self) -> None:
        self.page("/front-door/", "front door queue")

    @task(1)
    def referrers(self) -> None:
        self.page("/front-door/referrers-to-tell/", "referrers not yet told")

    @task(1)
    def visits(self) -> None:
        self.of_a_child("visits/", "a child's visits")

    @task(3)
    def find(self) -> None:
        self.search()

    @task(2)
    def record(self) -> None:
        self.child()
