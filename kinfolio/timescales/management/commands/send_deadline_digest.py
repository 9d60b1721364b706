"""Run daily (by cron): ``manage.py send_deadline_digest [--date 2026-11-25]``."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from kinfolio.timescales.services import send_deadline_digests


class Command(BaseCommand):
    help = "Write and email each worker's and manager's digest of overdue and due deadlines."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--date",
            type=dt.date.fromisoformat,
            default=None,
            help="The day to compute for (default: today)",
        )

    def handle(self, *args, date: dt.date | None = None, **options) -> None:
        today = date or timezone.localdate()
        sent = send_deadline_digests(today=today)
        self.stdout.write(f"Sent {sent} deadline digest{'s' if sent != 1 else ''} for {today}.")
