"""Writes for returns: asking for a validation, and running it (the background task)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from kinfolio.people.models import Person
from kinfolio.returns.exports import default_target, write_return
from kinfolio.returns.models import ReturnIssue, ValidationRun
from kinfolio.returns.validation.client import (
    KINDS,
    ValidatorFailed,
    ValidatorsMissing,
    run_validator,
)
from kinfolio.returns.years import CollectionYear

BATCH = 500  # below SQLite's 999 bound parameters


def request_validation(*, kind: str, year: CollectionYear, by) -> ValidationRun:
    """Queue a validation of the year's return; a worker runs ``run_validation``."""
    from kinfolio.returns.tasks import validate_return

    if kind not in KINDS:
        raise ValueError(f"Unknown return {kind!r}")
    run = ValidationRun.objects.create(kind=kind, collection_year=year.end_year, requested_by=by)
    transaction.on_commit(lambda: validate_return.enqueue(run_id=run.pk))
    return run


def _advance(run: ValidationRun, *, progress: int, stage: str) -> None:
    run.progress, run.stage = progress, stage
    run.save(update_fields=["progress", "stage"])


def run_validation(*, run_id: int) -> ValidationRun:
    """Write the return, validate it with the DfE's validator and keep what it found."""
    run = ValidationRun.objects.get(pk=run_id)
    year = CollectionYear(run.collection_year)
    run.status = ValidationRun.Status.RUNNING
    run.save(update_fields=["status"])
    try:
        with tempfile.TemporaryDirectory(prefix="kinfolio-return-") as folder:
            target = write_return(
                run.kind,
                year,
                default_target(run.kind, year, Path(folder)),
                progress=lambda done, total: _advance(
                    run, progress=int(40 * done / max(total, 1)), stage="Writing the return"
                ),
            )
            _advance(run, progress=40, stage="The DfE's validator is checking the return")
            result = run_validator(run.kind, year, target)
    except (ValidatorsMissing, ValidatorFailed) as error:
        run.status, run.message, run.finished_at = (
            ValidationRun.Status.FAILED,
            str(error),
            timezone.now(),
        )
        run.save(update_fields=["status", "message", "finished_at"])
        return run
    _advance(run, progress=90, stage="Keeping the errors")
    with transaction.atomic():
        _keep_findings(run, result.findings)
        run.status, run.progress, run.stage = ValidationRun.Status.DONE, 100, ""
        run.error_count, run.query_count = len(result.errors), len(result.queries)
        run.validator_seconds = result.seconds
        run.validator, run.validator_version = result.validator, result.version
        run.failed_rules = ", ".join(result.failed_rules)[:500]
        run.finished_at = timezone.now()
        run.save()
    return run


def _keep_findings(run: ValidationRun, findings) -> None:
    ids = sorted({finding.child for finding in findings if finding.child})
    children: dict[str, int] = {}
    for start in range(0, len(ids), BATCH):
        children.update(
            Person.objects.filter(local_id__in=ids[start : start + BATCH]).values_list(
                "local_id", "pk"
            )
        )
    ReturnIssue.objects.bulk_create(
        (
            ReturnIssue(
                run=run,
                rule=finding.rule[:20],
                message=finding.message,
                la_child_id=finding.child[:20],
                child_id=children.get(finding.child),
                table=finding.table[:40],
                field=finding.field[:40],
                row=finding.row,
                query=finding.query,
            )
            for finding in findings
        ),
        batch_size=BATCH,
    )
