import datetime as dt

import pytest
from django.template.defaultfilters import date as date_filter
from django.utils import timezone

from kinfolio.core.templatetags.rows import short_date

DAYS = [dt.date(2026, month, day) for month in range(1, 13) for day in (1, 9, 28)]


@pytest.mark.parametrize("day", [*DAYS, dt.date(999, 5, 4), dt.date(2024, 2, 29)])
def test_short_date_is_the_date_filters_j_m_y(day):
    assert short_date(day) == date_filter(day, "j M Y")


@pytest.mark.parametrize(
    "value", [None, "", timezone.now(), dt.datetime(2026, 12, 3, 23, 30), "not a date"]
)
def test_short_date_leaves_other_values_to_the_date_filter(value):
    assert short_date(value) == date_filter(value, "j M Y")
