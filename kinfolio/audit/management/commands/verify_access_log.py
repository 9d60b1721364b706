from django.core.management.base import BaseCommand, CommandError

from kinfolio.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Verify the access log's hash chain and its anchors outside the database "
        "(KINFOLIO_AUDIT_ANCHOR_DIR). Exits non-zero if any entry was altered, removed or "
        "forged, or if the newest entries were removed and the head rewound."
    )

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.ok:
            raise CommandError(
                f"Access log FAILED verification after {report.checked} good entries: "
                f"{report.first_break}"
            )
        message = f"Access log verified: {report.checked} entries, head {report.head_hash}"
        self.stdout.write(self.style.SUCCESS(message))
