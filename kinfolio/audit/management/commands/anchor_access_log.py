"""Run by cron, at least daily after the day's last use: ``manage.py anchor_access_log``."""

from django.core.management.base import BaseCommand

from kinfolio.audit.models import AccessLogSeal
from kinfolio.audit.services import seal_all_pending
from kinfolio.audit.services.anchors import write_anchor


class Command(BaseCommand):
    help = (
        "Seal the access log entries written since the last seal into its hash chain, then "
        "append the last seal (its sequence and hash) to today's anchor file under "
        "KINFOLIO_AUDIT_ANCHOR_DIR, outside the database."
    )

    def handle(self, *args, **options):
        made = seal_all_pending()
        head = AccessLogSeal.objects.order_by("-sequence").first()
        if head is None:
            self.stdout.write("The access log is empty: nothing to anchor.")
            return
        write_anchor(kind="seal", number=head.sequence, entry_hash=head.seal_hash)
        self.stdout.write(
            f"Made {made} seals; anchored the access log at seal {head.sequence} "
            f"(entries to {head.last_id})."
        )
