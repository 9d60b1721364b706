"""Annex A for the large authority (issue 19: "it must take seconds for a large council").

Writes the eleven lists for the six months to the authority's census date, as the
page's background task does, and prints the time for the whole workbook, each list's
rows and time, and two floors measured in the same run: a plain count of the contacts
list's rows, and openpyxl writing as many rows of fixed text; then the peak memory.
"""

import time
from datetime import timedelta
from io import BytesIO

from benchmarks.harness import bench_connection, peak_memory, timed


def _period():
    from django.db.models import Max

    from kinfolio.front_door.models import Contact
    from kinfolio.inspection.annex_a.formats import Period

    last = Contact.objects.aggregate(last=Max("received_at"))["last"].date()
    return Period(last - timedelta(days=182), last)


def _workbook(period) -> dict:
    from kinfolio.inspection.annex_a import write_workbook

    return write_workbook(period, BytesIO())


def _plain_workbook(rows: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("List 1")
    row = ("C000001", "a) Male", "a) WBRI", "01/01/2015", 11, "01/06/2026", "q) 6: Police")
    for _ in range(rows):
        sheet.append(row * 2)
    workbook.save(BytesIO())


def run(report) -> None:
    bench_connection()
    from kinfolio.inspection.annex_a import LISTS
    from kinfolio.inspection.annex_a.safeguarding import contacts

    period = _period()
    seconds, counts = timed(lambda: _workbook(period), repeat=1)
    report(f"Annex A, 11 lists, {period.start} to {period.end}", seconds, "s")
    for annex_list in LISTS:
        began = time.perf_counter()
        rows = sum(1 for _ in annex_list.rows(period))
        report(f"  {annex_list.sheet} {annex_list.title} ({rows:,} rows)",
               time.perf_counter() - began, "s")  # fmt: skip
    floor, _ = timed(lambda: contacts(period).count())
    report("  plain count of list 1's contacts (the floor)", floor, "s")
    rows = sum(counts.values())
    library, _ = timed(lambda: _plain_workbook(rows), repeat=1)
    report(f"  openpyxl writing {rows:,} rows of fixed text (the library's floor)", library, "s")
    peak, _, _ = peak_memory(lambda: _workbook(period))
    report("  peak memory of the whole workbook", peak, "MiB")
    report("  rows in the workbook", rows, "rows")
