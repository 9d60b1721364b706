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
from pathlib import Path

from benchmarks._load_users import prepare
from benchmarks.harness import BENCH_DIR, BENCH_SECRET_KEY, PROJECT_DIR, size

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
        env={**os.environ, "KINFOLIO_LOAD_USERS": str(users_file), **wait},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return Path(f"{prefix}_stats.csv")


def _print_table(stats_file: Path) -> None:
    with stats_file.open() as f:
        rows = [r for r in csv.DictReader(f) if r["Name"] != "Aggregated"]
    trivial = next(float(r["95%"]) for r in rows if r["Name"] == TRIVIAL)
    served = sum(float(r["Requests/s"]) for r in rows)
    print(f"  {served:.1f} requests a second served; a trivial page far slower here than")
    print("  alone (the pages module) means the server was saturated: ratios then near 1")
    columns = ("requests", 9), ("failed", 8), ("median ms", 11), ("p95 ms", 9), ("p95/trivial", 13)
    print(f"  {'page':<32}" + "".join(f"{name:>{width}}" for name, width in columns))
    for row in sorted(rows, key=lambda r: -float(r["95%"])):
        p95 = float(row["95%"])
        print(
            f"  {row['Name']:<32}{row['Request Count']:>9}{row['Failure Count']:>8}"
            f"{float(row['Median Response Time']):>11.0f}{p95:>9.0f}{p95 / trivial:>12.1f}x"
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
        stats = _run_locust(host, users_file, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"  {USERS} users for {seconds}s after a {WARM_UP_SECONDS}s warm-up, gunicorn with "
        f"{SERVER_WORKERS} workers ({server_log})"
    )
    _print_table(stats)
