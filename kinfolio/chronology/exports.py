"""The chronology as a file: CSV for analysis, PDF (WeasyPrint) for a court bundle or a
family. Both hold exactly the events the chronology page shows."""

import csv
import io

from django.template.loader import render_to_string
from weasyprint import HTML

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person

COLUMNS = ["Date", "Type", "Event", "Detail", "Significant"]


def as_csv(events: list[ChronologyEvent]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for e in events:
        writer.writerow(
            [e.date.isoformat(), e.kind, e.title, e.detail, "Yes" if e.significant else "No"]
        )
    return out.getvalue()


def as_pdf(child: Person, events: list[ChronologyEvent], *, made_by: str) -> bytes:
    html = render_to_string(
        "chronology/export.html", {"child": child, "events": events, "made_by": made_by}
    )
    return HTML(string=html).write_pdf()
