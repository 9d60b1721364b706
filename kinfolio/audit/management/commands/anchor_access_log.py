"""Run daily (by cron), after the day's last use: ``manage.py anchor_access_log``."""

from django.core.management.base import BaseCommand

from kinfolio.audit.models import AccessLogHead
from kinfolio.audit.services.anchors import write_anchor


class Command(BaseCommand):
    help = (
        "Append the access log's head (its latest sequence and hash) to today's anchor "
        "file under KINFOLIO_AUDIT_ANCHOR_DIR, outside the database."
    )

    def handle(self, *args, **options):
        head = AccessLogHead.objects.first()
        if head is None or not head.sequence:
            self.stdout.write("The access log is empty: nothing to anchor.")
            return
        write_anchor(sequence=head.sequence, entry_hash=head.entry_hash)
        self.stdout.write(f"Anchored the access log at entry {head.sequence}.")
