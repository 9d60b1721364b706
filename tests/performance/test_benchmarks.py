"""Published benchmarks are shown as the DfE published them, in the indicator's unit,
with the publication named as a reader would cite it."""

from django.test import override_settings

from kinfolio.performance.indicators.benchmarks import benchmarks_for
from kinfolio.performance.indicators.catalogue import get
from kinfolio.performance.indicators.periods import Period


@override_settings(
    KINFOLIO_BENCHMARK_AUTHORITY="Milton Keynes",
    KINFOLIO_STATISTICAL_NEIGHBOURS=["Kent", "Leeds", "Reading"],
)
def test_benchmarks_are_the_published_values_in_the_indicators_unit():
    found = benchmarks_for(get("re_referrals"), Period.financial_year(2023))
    assert found.year == "2023-24"
    # The DfE's figures for the year ending March 2024; the neighbours' average is
    # (23.3 + 24.2 + 26.6) / 3.
    assert [(b.label, b.display) for b in found.values] == [
        ("England", "22.4%"),
        ("South East", "26.6%"),
        ("Milton Keynes (published)", "19.2%"),
        ("Statistical neighbours' average (3)", "24.7%"),
    ]
    assert found.cited_as == (
        "Department for Education, Local Authority Interactive Tool (April 2026)"
    )


def test_a_measure_the_dfe_does_not_publish_has_no_benchmark():
    assert benchmarks_for(get("childs_voice"), Period.financial_year(2023)) is None
