"""Generating the synthetic authority: time, size and the generator's peak memory.

The generator runs as its own process (``manage.py generate_authority``) so that its
peak memory is its own; the figures are kept in ``var/bench`` beside the database and
printed again on later runs, which reuse the authority.
"""

import json
import resource
import subprocess
import sys

from django.core.management import call_command
from django.db import connection

from benchmarks.harness import BENCH_DIR, PROJECT_DIR, size
from kinfolio.demo_authority.generate import authority_exists
from kinfolio.demo_authority.models import GeneratedAuthority
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE
from kinfolio.timescales.models import StoredClock


def _figures_file():
    return BENCH_DIR / f"generator-{connection.vendor}-{size()}.json"


def run(report) -> None:
    call_command("migrate", verbosity=0)
    if not authority_exists():
        subprocess.run(
            [
                sys.executable,
                "manage.py",
                "generate_authority",
                f"--size={size()}",
                "--seed=1",
                f"--census-date={DEFAULT_CENSUS_DATE:%Y-%m-%d}",
            ],
            cwd=PROJECT_DIR,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        _figures_file().write_text(json.dumps({"peak_mib": peak}))
        label = ""
    else:
        label = " (earlier run, reused)"
        if not StoredClock.objects.exists():  # a migration (re)made the table
            subprocess.run(
                [sys.executable, "manage.py", "refresh_clocks"], cwd=PROJECT_DIR, check=True
            )
    made = GeneratedAuthority.objects.get()
    report(f"generate the {made.size} authority{label}", made.seconds, "s")
    report("  rows written", made.rows, "rows")
    if _figures_file().exists():
        peak = json.loads(_figures_file().read_text())["peak_mib"]
        report("  generator's peak memory", peak, "MiB")
    print(f"  database: {connection.vendor}")
