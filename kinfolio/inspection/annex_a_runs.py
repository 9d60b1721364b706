"""Producing Annex A in the background: queue a run, and the task that writes it."""

import time
from datetime import date
from io import BytesIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.inspection.annex_a import LISTS, write_workbook
from kinfolio.inspection.annex_a.formats import Period
from kinfolio.inspection.models import AnnexARun


def request_annex_a(*, start: date, end: date, by: User) -> AnnexARun:
    """Queue Annex A for the period; a worker runs ``produce_annex_a``."""
    from kinfolio.inspection.tasks import produce_annex_a_task

    if end < start:
        raise ValidationError({"end": "The end of the period must be on or after its start"})
    run = AnnexARun.objects.create(start=start, end=end, requested_by=by)
    transaction.on_commit(lambda: produce_annex_a_task.enqueue(run_id=run.pk))
    return run


def produce_annex_a(*, run_id: int) -> AnnexARun:
    run = AnnexARun.objects.get(pk=run_id)
    run.status = AnnexARun.Status.RUNNING
    run.save(update_fields=["status"])

    def advance(done: int, title: str) -> None:
        run.progress, run.stage = done, f"{title} written"
        run.save(update_fields=["progress", "stage"])

    began = time.perf_counter()
    out = BytesIO()
    try:
        counts = write_workbook(Period(run.start, run.end), out, progress=advance)
    except Exception as error:  # the run says why rather than waiting for ever
        run.status, run.message = AnnexARun.Status.FAILED, str(error)
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "message", "finished_at"])
        raise
    run.status, run.progress, run.stage = AnnexARun.Status.DONE, len(LISTS), ""
    run.row_counts = {str(number): count for number, count in counts.items()}
    run.workbook, run.seconds = out.getvalue(), time.perf_counter() - began
    run.finished_at = timezone.now()
    run.save()
    return run
