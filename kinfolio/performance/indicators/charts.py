"""Trend charts drawn on the server as SVG with pygal, served as an image beside the
table of the same figures (the accessible alternative). No script runs in them."""

from __future__ import annotations

import pygal
from pygal.style import Style

from kinfolio.performance.indicators.engine import Figure

# GOV.UK colours: blue for the figure, black dashes for the target.
GOVUK = Style(
    background="white",
    plot_background="white",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    colors=("#1d70b8", "#0b0c0c"),
    font_family="Arial, sans-serif",
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=14,
    title_font_size=16,
)


def trend_svg(title: str, figures: list[Figure], target: float | None = None) -> bytes:
    """A line chart of the figures in order, with the target as a dashed line; the value
    axis is labelled in the indicator's unit."""
    unit = figures[0].indicator.unit if figures else None
    chart = pygal.Line(
        style=GOVUK,
        js=[],
        width=800,
        height=360,
        show_legend=target is not None,
        legend_at_bottom=True,
        x_label_rotation=20,
        allow_interruptions=True,
        title=title,
        disable_xml_declaration=False,
        y_title=unit.words.capitalize() if unit else None,
        value_formatter=unit.show if unit else str,
    )
    chart.x_labels = [figure.period.short_label for figure in figures]
    chart.add("Value", [figure.value for figure in figures])
    if target is not None:
        chart.add(
            "Target", [target] * len(figures), stroke_style={"dasharray": "6,4"}, show_dots=False
        )
    return chart.render()
