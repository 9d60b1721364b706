import tempfile
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinfolio.returns.exports import default_target, write_return
from kinfolio.returns.management.commands.export_return import parse_year
from kinfolio.returns.validation.client import (
    KINDS,
    Result,
    ValidatorFailed,
    ValidatorsMissing,
    run_validator,
)
from kinfolio.returns.validation.known_faults import known_fault


class Command(BaseCommand):
    help = (
        "Write a return for a collection year and validate it with the DfE's own "
        "validator; print each error and query (rule, child, table.field, message) and "
        "their counts, then how many are under rules the validator's release is known to "
        "report wrongly (still counted). Exits 1 when there are errors (a query, which the "
        "DfE asks the council to check and either amend or explain, does not stop a return)."
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
        self.write_known_faults(result)
        if errors:
            raise SystemExit(1)

    def write_known_faults(self, result: Result) -> None:
        """How many findings, by rule, the release that ran is known to report wrongly."""
        release = {"package": result.validator, "version": result.version}
        counts = Counter(f.rule for f in result.findings if known_fault(**release, rule=f.rule))
        queries = {f.rule for f in result.queries}
        name = f"{result.validator} {result.version}"
        total = sum(counts.values())
        if not total:
            if result.findings:
                self.stdout.write(
                    f"None of them is under a rule {name} is known to report wrongly."
                )
            return
        self.stdout.write(
            f"{total} of them {'is' if total == 1 else 'are'} under rules {name} is known to "
            "report where the DfE's rule is met (still counted above):"
        )
        for rule, count in sorted(counts.items()):
            fault = known_fault(**release, rule=rule)
            noun = ("query", "queries") if rule in queries else ("error", "errors")
            self.stdout.write(f"  {rule}: {count} {noun[count != 1]}. {fault.validator_checks}")
            self.stdout.write(f"    What to do: {fault.what_to_do}")
