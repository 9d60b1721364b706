import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kinfolio.demo_authority.generate import authority_exists, generate
from kinfolio.demo_authority.profiles import DEFAULT_CENSUS_DATE, PROFILES


class Command(BaseCommand):
    help = "Generate a deterministic synthetic authority (demo: Ofsted's 2012 facts; large)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(PROFILES), default="demo")
        parser.add_argument("--seed", type=int, default=2012)
        parser.add_argument(
            "--census-date",
            type=date.fromisoformat,
            default=DEFAULT_CENSUS_DATE,
            help="The day the authority's facts hold (YYYY-MM-DD)",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if an authority has already been generated",
        )

    def handle(self, *args, size, seed, census_date, if_empty, **options):
        if authority_exists():
            if if_empty:
                self.stdout.write("An authority is already generated: nothing to do.")
                return
            raise CommandError("This database already holds an authority; use a fresh database.")
        started = time.perf_counter()
        counts = generate(
            PROFILES[size], seed=seed, census_date=census_date, progress=self.stdout.write
        )
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Generated the {size} authority (seed {seed}, census date "
            f"{census_date:%d %B %Y}): {sum(counts.values()):,} rows "
            f"in {elapsed:.1f} seconds"
        )
