"""What every benchmark module shares: the bench database, timing, memory and EXPLAIN.

``make bench`` runs each module of this folder against one PostgreSQL cluster kept in
``var/bench/pg`` holding the ``large`` authority (generated once, minutes; reused by
every later run), then the demo authority on SQLite. A module of your own reuses it:

    from benchmarks.harness import bench_connection, timed

    def run(report):
        connection = bench_connection()      # Django, configured, on the bench database
        ...
        report("my figure", seconds, "s")

``make bench BENCH="mine load"`` runs only the modules named. ``bench_connection()``
also works outside ``make bench`` when ``DATABASE_URL`` points at the bench server:
``KINFOLIO_PG_DATA=var/bench/pg scripts/with-postgres CMD`` starts it for CMD.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path
from statistics import median, quantiles
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_DIR / "var" / "bench"
# The load test signs its users in with sessions made beforehand, so the benchmark
# process and the server must share the key that signs them.
BENCH_SECRET_KEY = "bench-only-key-synthetic-data-never-deploy-0123456789abcdef"


def size() -> str:
    """The authority this run measures: ``large`` on PostgreSQL, ``demo`` on SQLite."""
    return os.environ.get("KINFOLIO_BENCH_SIZE", "large")


def bench_connection():
    """Django set up on the bench database (``DATABASE_URL``, else the bench's own SQLite
    file under ``var/bench``); returns ``django.db.connection``."""
    import django
    from django.conf import settings

    if not settings.configured:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolio.settings")
        os.environ.setdefault("DJANGO_SECRET_KEY", BENCH_SECRET_KEY)
        os.environ.setdefault("DJANGO_DEBUG", "0")  # as in production: no query log kept
        os.environ.setdefault("DATABASE_CONN_MAX_AGE", "600")  # as production keeps them
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / (size() + '.sqlite3')}")
        django.setup()
    from django.db import connection

    return connection


def is_postgresql() -> bool:
    return bench_connection().vendor == "postgresql"


def timed(work: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """The median of ``repeat`` runs of ``work`` in seconds, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return median(times), result


def samples(work: Callable[[], Any], runs: int = 20) -> tuple[list[float], Any]:
    """The time in seconds of each of ``runs`` runs of ``work``, and its last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return times, result


def p95(times: list[float]) -> float:
    """The 95th percentile of some times (interpolated between the slowest ones; of one
    time, that time: a page a short load test opened once)."""
    if len(times) == 1:
        return times[0]
    return quantiles(times, n=20, method="inclusive")[-1]


def _peak_in_child(work, pipe) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = work()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    pipe.send((result, before, after))
    pipe.close()


def peak_memory(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Runs ``work`` in a forked copy of this process; returns its peak resident memory
    in MiB, how much of that ``work`` added above the copy's start, and its result
    (which must pickle). The fork keeps earlier benchmarks' memory out of the figure."""
    from django.db import connections

    connections.close_all()  # a forked child must open its own connection
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_peak_in_child, args=(work, send))
    child.start()
    result, before, after = receive.recv()
    child.join()
    return after / 1024, (after - before) / 1024, result


def explain(queryset) -> str:
    """PostgreSQL's plan (with timings) of a queryset, as text."""
    return queryset.explain(analyze=True, buffers=False)
