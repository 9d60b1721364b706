import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinfolio.returns.exports import default_target, write_return
from kinfolio.returns.management.commands.export_return import parse_year
from kinfolio.returns.validation.client import (
    KINDS,
    ValidatorFailed,
    ValidatorsMissing,
    run_validator,
)


class Command(BaseCommand):
    help = (
        "Write a return for a collection year and validate it with the DfE's own "
        "validator; print each error and query (rule, child, table.field, message) and "
        "their counts. Exits 1 when there are errors (a query, which the DfE asks the "
        "council to check and either amend or explain, does not stop a return)."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("--year", required=True, help="the collection year, e.g. 2025-26")

    def handle(self, *args, kind, year, **options):
        year = parse_year(year)
        with tempfile.TemporaryDirectory(prefix="kinfolio-return-") as folder:
            target = write_return(kind, year, default_target(kind, year, Path(folder)))
            try:
                result = run_validator(kind, year, target)
            except (ValidatorsMissing, ValidatorFailed) as error:
                raise CommandError(str(error)) from error
        self.stdout.write("rule\tchild\ttable.field\tmessage")
        for finding in result.findings:
            self.stdout.write(str(finding))
        if result.failed_rules:
            self.stdout.write(
                "The validator could not run rules "
                + ", ".join(result.failed_rules)
                + " on this return (not counted as errors)."
            )
        errors, queries = len(result.errors), len(result.queries)
        self.stdout.write(
            f"{errors} error{'s' if errors != 1 else ''} and {queries} "
            f"quer{'ies' if queries != 1 else 'y'} in the {kind} return for {year} "
            f"(validator's own time {result.seconds:.1f} s)"
        )
        if errors:
            raise SystemExit(1)
