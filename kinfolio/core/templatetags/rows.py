"""Filters for what a long table shows on every row, cheaper than Django's own: a
page of 50 deadlines or children formats a date or two a row."""

import datetime as dt

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.dates import MONTHS_3

register = template.Library()


@register.filter(expects_localtime=True)
def short_date(value) -> str:
    """``value|date:"j M Y"`` ("3 Dec 2026") for a date, without parsing the format on
    every call (~100 Python calls each); a date and time is left to ``date``."""
    if type(value) is not dt.date:
        return date_filter(value, "j M Y")
    return f"{value.day} {MONTHS_3[value.month].title()} {value.year:04d}"
