import pytest

from kinfolio.returns.years import CollectionYear, current_and_last_complete
from tests.factories import D


def test_parse_reads_the_year_ending_31_march():
    year = CollectionYear.parse("2025-26")
    assert (year.start, year.end, year.label, year.ruleset_suffix) == (
        D(2025, 4, 1),
        D(2026, 3, 31),
        "2025/26",
        "2025_26",
    )


@pytest.mark.parametrize("text", ["2025-27", "2025", "25-26", "2030-31", "2021-22"])
def test_parse_refuses_what_is_not_a_supported_year(text):
    with pytest.raises(ValueError, match="20"):
        CollectionYear.parse(text)


def test_current_and_last_complete_years_on_a_census_day():
    current, last = current_and_last_complete(D(2026, 10, 30))
    assert (current.label, last.label) == ("2026/27", "2025/26")
    assert CollectionYear.containing(D(2026, 3, 31)).label == "2025/26"
