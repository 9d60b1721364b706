"""Runs every benchmark module in this folder and prints its figures.

``python -m benchmarks [NAME ...]`` runs the named modules (all by default), the
authority first: the others read it. Each module defines ``run(report)``;
``report(name, value, unit)`` prints one figure. A comparison reports both figures
and then their ratio. The database is ``DATABASE_URL`` (``make bench`` starts a
PostgreSQL server on ``var/bench/pg``); see ``benchmarks/harness.py`` and
``benchmarks/README.md`` for adding a module.
"""

import importlib
import pkgutil
import sys
import time
from pathlib import Path

from benchmarks.harness import bench_connection, size


def report(name: str, value: float, unit: str) -> None:
    shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"
    print(f"  {name:<64} {shown:>14} {unit}", flush=True)


def main() -> None:
    connection = bench_connection()
    print(f"Benchmarks: the {size()} authority on {connection.vendor}", flush=True)
    wanted = set(sys.argv[1:])
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not m.name.startswith("_") and m.name != "harness"
    )
    # The authority is generated first: the other benchmarks read it.
    names.sort(key=lambda n: n != "authority")
    for name in names:
        if wanted and name not in wanted and name != "authority":
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"{name}:", flush=True)
        started = time.perf_counter()
        module.run(report)
        print(f"  ({name} took {time.perf_counter() - started:.1f}s)", flush=True)


if __name__ == "__main__":
    main()
