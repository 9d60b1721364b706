"""Hand-worked scenarios for looked after children's health, education, missing
episodes, reviews and visits. The year is 2024-25: 1 April 2024 to 31 March 2025."""

import pytest

from kinfolio.children_in_care.models import MissingEpisode
from tests.factories import VisitFactory, WorkerFactory
from tests.factories_care import (
    CareEpisodeFactory,
    ChildFactory,
    D,
    DentalCheckFactory,
    HealthAssessmentFactory,
    ImmunisationsFactory,
    LACReviewFactory,
    PeriodOfCareFactory,
    PersonalEducationPlanFactory,
    SDQScoreFactory,
)
from tests.performance.indicators.helpers import children, figure, triple

pytestmark = pytest.mark.django_db


TEN_YEARS_OLD = D(2015, 6, 1)


def looked_after(start, born=TEN_YEARS_OLD):
    period = PeriodOfCareFactory(child=ChildFactory(date_of_birth=born), start_date=start)
    CareEpisodeFactory(period=period)
    return period


def test_health_dental_and_immunisations_for_children_looked_after_12_months():
    # Looked after from 31 March 2024: exactly 12 months at 31 March 2025.
    first = looked_after(D(2024, 3, 31)).child
    HealthAssessmentFactory(child=first, kind="review", assessment_date=D(2024, 4, 1))
    DentalCheckFactory(child=first, check_date=D(2024, 3, 31))  # 12 months ago: too old
    ImmunisationsFactory(child=first, checked_on=D(2025, 1, 1), up_to_date=True)
    second = looked_after(D(2020, 1, 1)).child
    HealthAssessmentFactory(child=second, kind="review", assessment_date=D(2025, 3, 31))
    DentalCheckFactory(child=second, check_date=D(2025, 2, 1))
    ImmunisationsFactory(child=second, checked_on=D(2024, 1, 1), up_to_date=True)
    ImmunisationsFactory(child=second, checked_on=D(2025, 1, 1), up_to_date=False)
    # From 1 April 2024: not yet 12 months.
    looked_after(D(2024, 4, 1))

    assert triple("health_assessments") == (2, 2, 100.0)
    found = figure("dental_checks")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {second.pk}
    assert children(figure("immunisations").numerator_rows) == {first.pk}


def test_sdqs_for_children_aged_4_to_16_and_the_average_of_the_latest_scores():
    sixteen = looked_after(D(2020, 1, 1), born=D(2008, 4, 1)).child  # 16 on 31 Mar 2025
    SDQScoreFactory(child=sixteen, completed_date=D(2025, 3, 1), score=20)
    ten = looked_after(D(2020, 1, 1), born=D(2015, 1, 1)).child
    SDQScoreFactory(child=ten, completed_date=D(2024, 1, 1), score=30)  # before the 12 months
    SDQScoreFactory(child=ten, completed_date=D(2024, 5, 1), score=10)
    missed = looked_after(D(2020, 1, 1), born=D(2014, 1, 1)).child
    SDQScoreFactory(
        child=missed, completed_date=D(2024, 5, 1), score=None, reason_not_completed="SDQ1"
    )
    seventeen = looked_after(D(2020, 1, 1), born=D(2008, 3, 31)).child  # 17 on 31 Mar 2025
    SDQScoreFactory(child=seventeen, completed_date=D(2025, 3, 1), score=25)
    looked_after(D(2022, 1, 1), born=D(2021, 6, 1))  # aged 3

    assert triple("sdq_completed") == (2, 3, 66.7)
    # Latest scores 20 and 10: (20 + 10) / 2 = 15.
    assert triple("sdq_average") == (30, 2, 15.0)


def test_peps_in_date_for_children_of_school_age():
    agreed = looked_after(D(2024, 1, 1), born=D(2015, 1, 1))
    PersonalEducationPlanFactory(period=agreed, due_date=D(2025, 3, 1), pep_date=D(2025, 3, 1))
    overdue = looked_after(D(2024, 1, 1), born=D(2015, 1, 1))
    PersonalEducationPlanFactory(period=overdue, due_date=D(2024, 10, 1), pep_date=D(2024, 10, 1))
    PersonalEducationPlanFactory(period=overdue, due_date=D(2025, 3, 1))
    looked_after(D(2024, 1, 1), born=D(2015, 1, 1))  # no PEP at all
    looked_after(D(2024, 1, 1), born=D(2009, 1, 1))  # 16: past school age

    found = figure("peps_in_date")
    assert (found.numerator, found.denominator, found.value) == (1, 3, 33.3)
    assert children(found.numerator_rows) == {agreed.child_id}


def missing(period, kind, start, end, offered=None):
    return MissingEpisode.objects.create(
        child=period.child,
        period=period,
        missing_type=kind,
        start_date=start,
        end_date=end,
        return_interview_offered_on=offered,
    )


def test_missing_and_away_children_and_return_interviews():
    went = looked_after(D(2024, 1, 1))
    # Missing from 31 Mar 2024 (before the year) to 2 Apr 2024: it overlaps the year.
    # Returned Tue 2 Apr, offered Wed 3 Apr: 72 hours is the end of Fri 5 Apr.
    missing(went, "M", D(2024, 3, 31), D(2024, 4, 2), offered=D(2024, 4, 3))
    # Returned Mon 10 Jun, due Thu 13 Jun, offered Fri 14 Jun: late.
    missing(went, "M", D(2024, 6, 9), D(2024, 6, 10), offered=D(2024, 6, 14))
    missing(went, "M", D(2024, 6, 30), D(2024, 7, 1))  # no interview offered
    away = looked_after(D(2024, 1, 1))
    missing(away, "A", D(2024, 6, 1), D(2024, 6, 1), offered=D(2024, 6, 2))
    looked_after(D(2024, 1, 1))

    assert triple("missing") == (1, 3, 33.3)
    assert triple("away") == (1, 3, 33.3)
    # Missing episodes ended in the year: 2 Apr, 10 Jun, 1 Jul; offered after two.
    assert triple("return_interviews_offered") == (2, 3, 66.7)
    # Offered in the year: 3 Apr, 14 Jun and the away child's 2 Jun (due 4 Jun).
    assert triple("return_interviews_72h") == (2, 3, 66.7)


def test_reviews_visits_and_initial_health_assessments_by_the_engines_due_dates():
    # Looked after from Mon 3 Mar 2025: the first review is due 20 working days later,
    # Mon 31 Mar; held that day, on time. From Fri 1 Nov 2024 it was due Fri 29 Nov;
    # held Mon 2 Dec, late. The initial health assessments follow the same dates.
    march = looked_after(D(2025, 3, 3))
    november = looked_after(D(2024, 11, 1))
    LACReviewFactory(period=march, due_date=D(2025, 3, 31), review_date=D(2025, 3, 31))
    LACReviewFactory(period=november, due_date=D(2024, 11, 29), review_date=D(2024, 12, 2))
    HealthAssessmentFactory(child=march.child, kind="initial", assessment_date=D(2025, 3, 28))
    HealthAssessmentFactory(child=november.child, kind="initial", assessment_date=D(2024, 12, 2))
    # Placed Mon 1 Jul 2024: a visit within a week (by 8 Jul), then every 6 weeks: 8 Jul
    # on time; the next due 19 Aug, made 20 Aug: late.
    july = looked_after(D(2024, 7, 1))
    worker = WorkerFactory()
    for day in (D(2024, 7, 8), D(2024, 8, 20)):
        VisitFactory(child=july.child, kind="looked_after", visit_date=day, worker=worker)

    assert triple("lac_reviews_on_time") == (1, 2, 50.0)
    assert triple("initial_health_assessments_on_time") == (1, 2, 50.0)
    # 28 working days from Fri 1 Nov 2024 is Wed 11 Dec: 2 Dec is within the local rule.
    assert triple("initial_health_assessments_28wd") == (2, 2, 100.0)
    assert triple("lac_visits_on_time") == (1, 2, 50.0)
