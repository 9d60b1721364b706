from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinfolio.returns.cin.importer import import_cin
from kinfolio.returns.importing import ImportRefused
from kinfolio.returns.ssda903.importer import import_ssda903


class Command(BaseCommand):
    help = (
        "Import a statutory return (the CIN census XML file, or the SSDA903 tables in a "
        "folder). All or nothing: "
        "any problem is reported with its file, row, field and value, and nothing is "
        "written. --dry-run checks and reports what would be created and matched."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["ssda903", "cin"])
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, kind, path, dry_run, **options):
        importer = import_cin if kind == "cin" else import_ssda903
        if not path.exists():
            raise CommandError(f"{path} does not exist.")
        try:
            summary = importer(path, dry_run=dry_run)
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{refused}.") from refused
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write("Dry run: nothing was written." if dry_run else "Imported.")
