"""python manage.py annex_a --start YYYY-MM-DD --end YYYY-MM-DD --out FILE.xlsx"""

import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kinfolio.inspection.annex_a import write_workbook
from kinfolio.inspection.annex_a.formats import Period


class Command(BaseCommand):
    help = "Write Ofsted's Annex A (the eleven lists) for a period to an Excel workbook."

    def add_arguments(self, parser):
        parser.add_argument("--start", required=True, type=date.fromisoformat)
        parser.add_argument("--end", required=True, type=date.fromisoformat)
        parser.add_argument("--out", required=True)

    def handle(self, *args, start: date, end: date, out: str, **options):
        if end < start:
            raise CommandError("The end of the period must not be before its start")
        began = time.perf_counter()
        counts = write_workbook(
            Period(start, end),
            out,
            progress=lambda done, title: self.stdout.write(f"  {done:>2}/11 {title}"),
        )
        rows = ", ".join(f"list {n}: {c}" for n, c in counts.items())
        seconds = time.perf_counter() - began
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} in {seconds:.1f}s ({rows})"))
