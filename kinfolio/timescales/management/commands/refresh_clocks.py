"""Run daily (by cron) before the digest, and after importing records:
``manage.py refresh_clocks``."""

import time

from django.core.management.base import BaseCommand

from kinfolio.people.models import Person
from kinfolio.timescales.services import refresh_clocks


class Command(BaseCommand):
    help = "Store every child's deadlines as the engine computes them today."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        stored = refresh_clocks(Person.objects.filter(is_child_subject=True))
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Stored {stored:,} clocks in {elapsed:.1f} seconds.")
