"""Timeliness indicators on a hand-built scenario: three assessments completed in
February and March 2025, one late, and one outside the period."""

import pytest

from kinfolio.timescales.indicators import indicator, timeliness
from tests.factories import AssessmentFactory, ChildFactory, CINEpisodeFactory, D

pytestmark = pytest.mark.django_db


def _assessment(name, referral, authorised):
    episode = CINEpisodeFactory(child=ChildFactory(family_name=name), referral_date=referral)
    AssessmentFactory(
        cin_episode=episode, start_date=referral, authorised_date=authorised, outcome_cin_plan=True
    )
    return episode.child


@pytest.fixture
def scenario():
    # Referral 20 Dec 2024, due 26 Feb 2025 (see test_rules):
    #   Adams authorised 26 Feb: 45 working days, on time;
    #   Brown authorised 27 Feb: 46 working days, late.
    # Referral Monday 3 Feb 2025, due 45 working days later: 4-7 Feb (4), then 8 full
    # weeks to 4 Apr (44), Monday 7 Apr (45). Clarke authorised Friday 7 Mar: 24.
    # Referral 2 Jan 2024: Davies authorised 1 Feb 2024, outside the period.
    return {
        "adams": _assessment("Adams", D(2024, 12, 20), D(2025, 2, 26)),
        "brown": _assessment("Brown", D(2024, 12, 20), D(2025, 2, 27)),
        "clarke": _assessment("Clarke", D(2025, 2, 3), D(2025, 3, 7)),
        "davies": _assessment("Davies", D(2024, 1, 2), D(2024, 2, 1)),
    }


def test_assessment_timeliness_in_the_period(scenario):
    result = indicator("assessment_45wd", period_start=D(2025, 2, 1), period_end=D(2025, 3, 31))
    assert (result.numerator, result.denominator) == (2, 3)
    assert result.percent_on_time == 66.7
    assert result.days_taken == [45, 46, 24]
    assert result.median_days == 45
    assert result.distribution == [(24, 1), (45, 1), (46, 1)]
    assert result.unit == "working days"
    assert [p.family_name for p in result.denominator_children] == ["Adams", "Brown", "Clarke"]
    assert [p.family_name for p in result.numerator_children] == ["Adams", "Clarke"]


def test_timeliness_of_every_rule_is_one_computation(scenario, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        results = timeliness(period_start=D(2025, 2, 1), period_end=D(2025, 3, 31))
    assert results["assessment_45wd"].denominator == 3


def test_no_clock_stopped_in_the_period_gives_no_indicator(scenario):
    assert (
        indicator("assessment_45wd", period_start=D(2023, 1, 1), period_end=D(2023, 12, 31)) is None
    )
