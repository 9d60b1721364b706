"""Run daily (by cron): ``manage.py purge_drafts [--days N]``."""

from django.conf import settings
from django.core.management.base import BaseCommand

from kinfolio.recording.services.drafts import purge_drafts


class Command(BaseCommand):
    help = (
        "Delete drafts nobody has saved for more than KINFOLIO_DRAFT_KEEP_DAYS days "
        "(or --days): typed text about a child is not kept without end."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.KINFOLIO_DRAFT_KEEP_DAYS)

    def handle(self, *args, days: int, **options):
        if days < 1:
            self.stderr.write("--days must be 1 or more.")
            raise SystemExit(2)
        purged = purge_drafts(older_than_days=days)
        self.stdout.write(f"Deleted {purged} drafts saved more than {days} days ago.")
