"""50 people at work at once: per page median and p95, and p95 as a ratio of the trivial
page's p95 in the same run (issue 17: at most 3x for every page a worker uses daily).

The site is served as in production: gunicorn, several worker processes, production
settings (``benchmarks/_settings.py``). Locust runs headless for ``KINFOLIO_BENCH_SECONDS``
(60 by default) with the journeys of ``benchmarks/_locustfile.py``, after a warm-up that
opens every page on every server process with almost no wait between clicks (its figures
are not kept): a server runs for days, so its processes' first requests (templates
compiled, code imported) are not what its users wait for.
"""

import csv
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from statistics import median

from benchmarks._load_users import prepare
from benchmarks.harness import BENCH_DIR, BENCH_SECRET_KEY, PROJECT_DIR, p95, size

USERS = 50
SPAWN_RATE = 10
SERVER_WORKERS = 4  # two per core on the 2-core reference machine
WARM_UP_SECONDS = 30
TRIVIAL = "trivial page (notifications)"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks._settings",
        "DJANGO_SECRET_KEY": BENCH_SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DEBUG": "0",
        "KINFOLIO_AUDIT_KEY": "bench-audit-key",
    }


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    for _ in range(120):
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before serving")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own loopback server
            return
        except OSError as error:
            if getattr(error, "code", None):  # any HTTP answer means it is serving
                return
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not start")


def _run_locust(host: str, users_file: Path, seconds: int, *, warm_up: bool = False) -> Path:
    """Runs the journeys; returns the prefix of Locust's CSV files and of the timings'."""
    prefix = BENCH_DIR / f"load-{size()}{'-warm-up' if warm_up else ''}"
    wait = {"KINFOLIO_LOAD_WAIT": "0,0.5"} if warm_up else {}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(Path(__file__).with_name("_locustfile.py")),
            "--headless",
            f"--users={USERS}",
            f"--spawn-rate={SPAWN_RATE}",
            f"--run-time={seconds}s",
            f"--host={host}",
            f"--csv={prefix}",
            "--only-summary",
            "--loglevel=WARNING",
            "--exit-code-on-error=0",
        ],
        env={
            **os.environ,
            "KINFOLIO_LOAD_USERS": str(users_file),
            "KINFOLIO_LOAD_TIMINGS": f"{prefix}_timings.csv",
            **wait,
        },
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return prefix


def _timings(prefix: Path) -> dict[str, dict[str, list[float]]]:
    """Each page's times in ms: at the client, and its server's own (app, cpu, db)."""
    pages: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with Path(f"{prefix}_timings.csv").open() as f:
        for row in csv.DictReader(f):
            for measure in ("client", "app", "cpu", "db"):
                if row[measure]:
                    pages[row["page"]][measure].append(float(row[measure]))
    return pages


def _print_table(prefix: Path, seconds: int) -> None:
    with Path(f"{prefix}_stats.csv").open() as f:
        failed = {r["Name"]: r["Failure Count"] for r in csv.DictReader(f)}
    pages = _timings(prefix)
    trivial = median(pages[TRIVIAL]["client"]), p95(pages[TRIVIAL]["client"])
    served = sum(len(times["client"]) for times in pages.values()) / seconds
    print(f"  {served:.1f} requests a second served; a trivial page far slower here than")
    print("  alone (the pages module) means the server was saturated: ratios then near 1.")
    print("  app: the time in the server's process; cpu and db: its CPU time and its wait on")
    print("  the database (Server-Timing); p95 of fewer than 100 requests is their slowest few.")
    print("  x trivial: the median as a ratio of the trivial page's; p95 x: the p95's")
    columns = (
        ("requests", 9),
        ("failed", 7),
        ("median ms", 10),
        ("p95 ms", 8),
        ("x trivial", 11),
        ("p95 x", 7),
        ("app p95", 9),
        ("cpu median/p95", 16),
        ("db median", 10),
    )
    print(f"  {'page':<30}" + "".join(f"{name:>{width}}" for name, width in columns))
    for name, times in sorted(pages.items(), key=lambda item: -p95(item[1]["client"])):
        client, cpu = times["client"], times["cpu"]
        print(
            f"  {name:<30}{len(client):>9}{failed.get(name, '0'):>7}{median(client):>10.0f}"
            f"{p95(client):>8.0f}{median(client) / trivial[0]:>10.2f}x"
            f"{p95(client) / trivial[1]:>6.2f}x{p95(times['app']):>9.0f}"
            f"{f'{median(cpu):.0f}/{p95(cpu):.0f}':>16}{median(times['db']):>10.0f}"
        )


def run(report) -> None:
    seconds = int(os.environ.get("KINFOLIO_BENCH_SECONDS", "60"))
    users_file = BENCH_DIR / f"load-users-{size()}.json"
    prepare(users_file)
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server_log = BENCH_DIR / f"server-{size()}.log"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "kinfolio.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={SERVER_WORKERS}",
            "--timeout=120",
            "--log-level=warning",
        ],
        cwd=PROJECT_DIR,
        env=_server_environment(),
        stdout=server_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_up(f"{host}/account/sign-in/", server)
        _run_locust(host, users_file, WARM_UP_SECONDS, warm_up=True)
        prefix = _run_locust(host, users_file, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"  {USERS} users for {seconds}s after a {WARM_UP_SECONDS}s warm-up, gunicorn with "
        f"{SERVER_WORKERS} workers ({server_log})"
    )
    _print_table(prefix, seconds)
