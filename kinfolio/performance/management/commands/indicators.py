"""Print every computed indicator for a period: id, numerator, denominator, value."""

import csv

from django.core.management.base import BaseCommand, CommandError

from kinfolio.performance.indicators.catalogue import CATALOGUE
from kinfolio.performance.indicators.engine import compute_all
from kinfolio.performance.indicators.periods import Period

COLUMNS = ("id", "numerator", "denominator", "value")


class Command(BaseCommand):
    help = "Compute every indicator of the catalogue for a year (or quarter, or month)."

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="2024-25, 2024-25-q1 or 2024-05-m")
        parser.add_argument("--format", choices=("table", "csv"), default="table")

    def handle(self, *args, year: str, format: str, **options):
        try:
            period = Period.parse(year)
        except ValueError as error:
            raise CommandError(str(error)) from error
        rows = [
            (
                figure.indicator.id,
                _text(figure.numerator),
                _text(figure.denominator),
                _text(figure.value),
            )
            for figure in compute_all(CATALOGUE, period)
        ]
        if format == "csv":
            writer = csv.writer(self.stdout, lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows(rows)
            return
        self.stdout.write(f"Indicators for {period.label}")
        widths = [max(len(str(r[i])) for r in [COLUMNS, *rows]) for i in range(4)]
        for row in [COLUMNS, *rows]:
            self.stdout.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def _text(number) -> str:
    return "" if number is None else str(number)
