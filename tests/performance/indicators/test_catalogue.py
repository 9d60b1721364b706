"""The catalogue as a whole and its reporting periods."""

from pathlib import Path

import pytest

from kinfolio.performance.indicators.base import Unit
from kinfolio.performance.indicators.catalogue import CATALOGUE
from kinfolio.performance.indicators.periods import Period, PeriodType
from tests.factories import D

HERE = Path(__file__).parent


def test_the_catalogue_has_at_least_40_computed_indicators_each_with_its_rule_and_source():
    assert len(CATALOGUE) >= 40
    for indicator in CATALOGUE:
        assert indicator.definition.endswith((".", ")")), indicator.id
        assert indicator.source, indicator.id
        needs_denominator = indicator.unit in (Unit.PERCENT, Unit.AVERAGE)
        assert (indicator.denominator is not None) == needs_denominator, indicator.id


def test_every_indicator_has_a_hand_worked_scenario():
    worked = "".join(
        path.read_text() for path in HERE.glob("test_*.py") if path.name != Path(__file__).name
    )
    assert [i.id for i in CATALOGUE if f'"{i.id}"' not in worked] == []


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2024-25", D(2024, 4, 1), D(2025, 3, 31), PeriodType.YEAR),
        ("2024-25-q1", D(2024, 4, 1), D(2024, 6, 30), PeriodType.QUARTER),
        ("2024-25-q4", D(2025, 1, 1), D(2025, 3, 31), PeriodType.QUARTER),
        ("2024-02-m", D(2024, 2, 1), D(2024, 2, 29), PeriodType.MONTH),
    ],
)
def test_periods_parse_and_name_themselves(text, start, end, kind):
    period = Period.parse(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)
    assert period.key == text


@pytest.mark.parametrize("text", ["2024-26", "2024", "April 2024", "2024-25-q5"])
def test_periods_refuse_what_they_cannot_read(text):
    with pytest.raises(ValueError, match="2024-25"):
        Period.parse(text)


def test_a_year_has_four_quarters_and_twelve_months():
    year = Period.parse("2024-25")
    assert [q.key for q in year.quarters()] == [f"2024-25-q{n}" for n in range(1, 5)]
    months = year.months()
    assert (months[0].key, months[-1].key, len(months)) == ("2024-04-m", "2025-03-m", 12)
    assert year.up_to(D(2024, 10, 30)).end == D(2024, 10, 30)
