from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinfolio.returns.exports import write_return
from kinfolio.returns.validation.client import KINDS
from kinfolio.returns.years import CollectionYear


def parse_year(text: str) -> CollectionYear:
    try:
        return CollectionYear.parse(text)
    except ValueError as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = (
        "Write a statutory return for a collection year: the CIN census as one XML file "
        "(--out FILE.xml) or the SSDA903 tables as CSV files in a folder (--out DIR/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("--year", required=True, help="the collection year, e.g. 2025-26")
        parser.add_argument("--out", required=True, type=Path)

    def handle(self, *args, kind, year, out, **options):
        year = parse_year(year)
        write_return(kind, year, out)
        self.stdout.write(f"Wrote the {kind} return for {year} to {out}")
