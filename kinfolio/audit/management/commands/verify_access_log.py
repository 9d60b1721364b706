from django.core.management.base import BaseCommand, CommandError

from kinfolio.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Verify the access log's hash chain. Exits non-zero if any entry was altered, "
        "removed or forged. Record the printed head hash somewhere outside the database "
        "(e.g. the council's log store) so that removing the newest rows is also caught."
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
