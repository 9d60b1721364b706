"""Exports of figures: CSV and Excel tables, and the monthly performance pack as PDF."""

from __future__ import annotations

import base64
import csv
import io

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Font

from kinfolio.performance.indicators import charts
from kinfolio.performance.indicators.targets import Judged

HEADERS = [
    "Indicator id",
    "Indicator",
    "Period",
    "Numerator",
    "Denominator",
    "Value",
    "Target",
    "Against target",
    "Definition follows",
]


def table(judged: list[Judged]) -> list[list]:
    return [
        [
            j.figure.indicator.id,
            j.figure.indicator.name,
            j.figure.period.key,
            j.figure.numerator,
            j.figure.denominator,
            j.figure.value,
            float(j.target.value) if j.target else None,
            j.rag.words,
            j.figure.indicator.source,
        ]
        for j in judged
    ]


def to_csv(judged: list[Judged]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(table(judged))
    return out.getvalue()


def to_xlsx(judged: list[Judged], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table(judged):
        sheet.append(row)
    sheet.column_dimensions["B"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pack_pdf(
    *, title: str, judged: list[Judged], trends: dict, commentary: dict, authority: str
) -> bytes:
    """The performance pack: the headline table, then each indicator's chart, figures
    and the managers' commentary. WeasyPrint draws it from an HTML template."""
    from weasyprint import HTML  # imported here: it loads Pango, which only this needs

    pages = []
    for j in judged:
        figures = trends.get(j.figure.indicator.id, [])
        svg = charts.trend_svg(
            j.figure.indicator.name, figures, float(j.target.value) if j.target else None
        )
        pages.append(
            {
                "judged": j,
                "chart": "data:image/svg+xml;base64," + base64.b64encode(svg).decode(),
                "commentary": commentary.get(j.figure.indicator.id, []),
            }
        )
    html = render_to_string(
        "performance/pack.html",
        {"title": title, "judged": judged, "pages": pages, "authority": authority},
    )
    return HTML(string=html).write_pdf()
