"""Generating the synthetic authorities: time and size (issue 3: `large` under 10 minutes)."""

import time

from django.core.management import call_command
from django.db import connection

from kinfolio.demo_authority.generate import authority_exists, generate
from kinfolio.demo_authority.models import GeneratedAuthority
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE, LARGE


def run(report) -> None:
    call_command("migrate", verbosity=0)
    if not authority_exists():
        started = time.perf_counter()
        counts = generate(
            LARGE, seed=1, census_date=DEFAULT_CENSUS_DATE, progress=lambda line: None
        )
        report("generate the large authority", time.perf_counter() - started, "s")
        report("rows written", sum(counts.values()), "rows")
        for label, count in sorted(counts.items()):
            report(f"  {label}", count, "rows")
    else:
        made = GeneratedAuthority.objects.get()
        report("generate the large authority (earlier run, reused)", made.seconds, "s")
        report("rows written", made.rows, "rows")
    print(f"  database: {connection.vendor}")
