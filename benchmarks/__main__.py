"""Runs every benchmark module in this folder and prints its figures.

Each module defines ``run(report)``; ``report(name, value, unit)`` prints one figure.
A comparison reports both figures and then their ratio. The benchmarks work on a
throwaway SQLite database under ``var/bench/`` holding the ``large`` authority, made
once and reused (delete the folder to regenerate it).
"""

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent / "var" / "bench"


def report(name: str, value: float, unit: str) -> None:
    shown = f"{value:,.3f}" if isinstance(value, float) else f"{value:,}"
    print(f"  {name:<64} {shown:>14} {unit}", flush=True)


def main() -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolio.settings")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'large.sqlite3'}")
    import django

    django.setup()
    wanted = set(sys.argv[1:])
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not m.name.startswith("_")
    )
    # The authority is generated first: the other benchmarks read it.
    names.sort(key=lambda n: n != "authority")
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"{name}:", flush=True)
        started = time.perf_counter()
        module.run(report)
        print(f"  ({name} took {time.perf_counter() - started:.1f}s)", flush=True)


if __name__ == "__main__":
    main()
