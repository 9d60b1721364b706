from django.core.management.base import BaseCommand, CommandError

from kinfolio.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Verify the access log: each entry's hash, the chain of seals over them, and the "
        "anchors outside the database (KINFOLIO_AUDIT_ANCHOR_DIR). Exits non-zero if any "
        "entry or seal was altered, removed, reordered or forged, or the newest removed."
    )

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"Access log FAILED verification after {report.checked} good entries: "
                f"{report.first_break}"
            )
        message = (
            f"Access log verified: {report.checked} entries, {report.sealed} seals, "
            f"head {report.head_hash}"
        )
        self.stdout.write(self.style.SUCCESS(message))
