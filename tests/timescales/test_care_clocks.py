"""Each rule for looked after children, care leavers and private fostering, with a
hand-worked example. Bank holidays used: 25, 26 Dec 2024; 1 Jan and 25 Aug 2025."""

import datetime as dt

import pytest

from kinfolio.casework.models import Visit
from kinfolio.timescales.models import SchoolTerm
from tests.factories_care import (
    CareEpisodeFactory,
    ChildFactory,
    HealthAssessmentFactory,
    LACReviewFactory,
    MissingEpisodeFactory,
    PathwayPlanFactory,
    PeriodOfCareFactory,
    PersonalEducationPlanFactory,
    PrivateFosteringArrangementFactory,
    WorkerFactory,
)
from tests.timescales.helpers import clocks_of

pytestmark = pytest.mark.django_db
D = dt.date


NINE_IN_2024 = D(2015, 6, 1)


def _looked_after(start: dt.date, born=NINE_IN_2024, placement="U4"):
    period = PeriodOfCareFactory(child=ChildFactory(date_of_birth=born), start_date=start)
    CareEpisodeFactory(period=period, placement_type=placement)
    return period


def _review(period, held: dt.date):
    return LACReviewFactory(period=period, review_date=held, due_date=held)


def test_lac_reviews_20_working_days_then_3_then_6_months():
    # Looked after from Monday 16 Dec 2024: 17-20 (4), 23, 24 (6), 27 (7), 30, 31 (9),
    # 2, 3 Jan (11), 6-10 (16), 13-16 Jan (20) -> first review due Thursday 16 Jan 2025.
    # Held 10 Jan; the second within 3 months: 10 Apr 2025. Held 9 Apr; the next within
    # 6 months: 9 Oct 2025.
    period = _looked_after(D(2024, 12, 16))
    _review(period, D(2025, 1, 10))
    _review(period, D(2025, 4, 9))
    child = period.child
    assert clocks_of(child, "lac_review_first_20wd") == [
        (D(2024, 12, 16), D(2025, 1, 16), D(2025, 1, 10), "met_on_time")
    ]
    assert clocks_of(child, "lac_review_second_3m") == [
        (D(2025, 1, 10), D(2025, 4, 10), D(2025, 4, 9), "met_on_time")
    ]
    assert clocks_of(child, "lac_review_subsequent_6m", today=D(2025, 10, 1)) == [
        (D(2025, 4, 9), D(2025, 10, 9), None, "due_soon")
    ]


def _visit(child, day: dt.date, kind="looked_after"):
    Visit.objects.create(child=child, kind=kind, visit_date=day, worker=WorkerFactory(), seen=True)


def test_lac_visits_one_week_then_six_weeks_in_the_first_year():
    # Placed Friday 31 Jan 2025: a visit within 1 week, by 7 Feb; visited 6 Feb. The
    # next within 6 weeks of 6 Feb: Thursday 20 March 2025.
    period = _looked_after(D(2025, 1, 31), placement="U6")
    _visit(period.child, D(2025, 2, 6))
    assert clocks_of(period.child, "lac_visit_first_1w") == [
        (D(2025, 1, 31), D(2025, 2, 7), D(2025, 2, 6), "met_on_time")
    ]
    assert clocks_of(period.child, "lac_visit_first_year_6w", today=D(2025, 3, 21)) == [
        (D(2025, 2, 6), D(2025, 3, 20), None, "overdue")
    ]


@pytest.mark.parametrize(
    ("placement", "key", "due"),
    [
        # After the first year of a placement from 31 Jan 2025, a visit on 2 Feb 2026 makes
        # the next due within 3 months (2 May 2026), or 6 months (2 Aug 2026) in long-term
        # fostering (U4).
        ("U6", "lac_visit_3m", D(2026, 5, 2)),
        ("U4", "lac_visit_long_term_6m", D(2026, 8, 2)),
    ],
)
def test_lac_visits_after_the_first_year(placement, key, due):
    period = _looked_after(D(2025, 1, 31), placement=placement)
    _visit(period.child, D(2025, 2, 6))
    _visit(period.child, D(2026, 2, 2))
    assert clocks_of(period.child, key, today=D(2026, 2, 3)) == [
        (D(2026, 2, 2), due, None, "not_yet_due")
    ]


def test_initial_health_assessment_statutory_and_local_kpi():
    # From 16 Dec 2024: 20 working days -> 16 Jan 2025 (as the first review). The local
    # KPI's 28: 17 (21), 20-24 (26), 27, 28 Jan (28) -> Tuesday 28 Jan 2025. Done 20 Jan:
    # late for the statutory rule, on time for the local KPI.
    period = _looked_after(D(2024, 12, 16))
    HealthAssessmentFactory(
        child=period.child, kind="initial", due_date=None, assessment_date=D(2025, 1, 20)
    )
    assert clocks_of(period.child, "initial_health_assessment_20wd") == [
        (D(2024, 12, 16), D(2025, 1, 16), D(2025, 1, 20), "met_late")
    ]
    assert clocks_of(period.child, "initial_health_assessment_28wd") == [
        (D(2024, 12, 16), D(2025, 1, 28), D(2025, 1, 20), "met_on_time")
    ]


@pytest.mark.parametrize(
    ("born", "key", "due"),
    [
        # Initial health assessment on 15 Jan 2025: a child of 2 is reviewed within 6
        # months (15 July 2025), a child of 9 within 12 (15 Jan 2026).
        (D(2022, 6, 1), "review_health_assessment_under5_6m", D(2025, 7, 15)),
        (D(2015, 6, 1), "review_health_assessment_5plus_12m", D(2026, 1, 15)),
    ],
)
def test_review_health_assessments_by_age(born, key, due):
    period = _looked_after(D(2024, 12, 16), born=born)
    HealthAssessmentFactory(
        child=period.child, kind="initial", due_date=None, assessment_date=D(2025, 1, 15)
    )
    assert clocks_of(period.child, key, today=D(2025, 2, 1)) == [
        (D(2025, 1, 15), due, None, "not_yet_due")
    ]


def test_pep_20_school_days_skipping_the_christmas_holidays():
    # Terms: Autumn 2 from 4 Nov to 20 Dec 2024, Spring 1 from 6 Jan to 14 Feb 2025.
    # Looked after Monday 16 Dec 2024: school days 17-20 Dec (4), 6-10 Jan (9), 13-17
    # (14), 20-24 (19), 27 Jan (20) -> due Monday 27 Jan 2025.
    SchoolTerm.objects.create(
        academic_year="2024/25",
        term="autumn",
        name="Autumn 2",
        start_date=D(2024, 11, 4),
        end_date=D(2024, 12, 20),
    )
    SchoolTerm.objects.create(
        academic_year="2024/25",
        term="spring",
        name="Spring 1",
        start_date=D(2025, 1, 6),
        end_date=D(2025, 2, 14),
    )
    period = _looked_after(D(2024, 12, 16))
    PersonalEducationPlanFactory(
        child=period.child, period=period, due_date=D(2025, 1, 27), pep_date=D(2025, 1, 24)
    )
    assert clocks_of(period.child, "pep_20sd") == [
        (D(2024, 12, 16), D(2025, 1, 27), D(2025, 1, 24), "met_on_time")
    ]


def test_pep_without_term_dates_is_reported_not_guessed():
    period = _looked_after(D(2024, 12, 16))
    [clock] = clocks_of(period.child, "pep_20sd")
    assert clock == (D(2024, 12, 16), None, None, "unknown")


def test_return_interview_72_hours_after_the_return():
    # Returned Friday 7 March 2025: 72 hours is three days, Monday 10 March 2025.
    # Offered on 11 March: late.
    period = _looked_after(D(2024, 1, 8))
    MissingEpisodeFactory(
        child=period.child,
        period=period,
        start_date=D(2025, 3, 6),
        end_date=D(2025, 3, 7),
        return_interview_due_date=D(2025, 3, 10),
        return_interview_offered_on=D(2025, 3, 11),
    )
    assert clocks_of(period.child, "return_interview_72h") == [
        (D(2025, 3, 7), D(2025, 3, 10), D(2025, 3, 11), "met_late")
    ]


def test_pathway_plan_by_sixteen_and_a_quarter_then_reviewed_six_monthly():
    # Born 10 Feb 2009 and looked after on their 16th birthday, 10 Feb 2025: a plan by
    # 16 and 3 months, 10 May 2025. Agreed 31 Mar 2025: reviewed within 6 months, by
    # 30 Sep 2025 (31 Sep does not exist).
    period = _looked_after(D(2020, 3, 2), born=D(2009, 2, 10))
    PathwayPlanFactory(child=period.child, start_date=D(2025, 3, 31))
    assert clocks_of(period.child, "pathway_plan_16_3m") == [
        (D(2025, 2, 10), D(2025, 5, 10), D(2025, 3, 31), "met_on_time")
    ]
    assert clocks_of(period.child, "pathway_plan_review_6m", today=D(2025, 10, 1)) == [
        (D(2025, 3, 31), D(2025, 9, 30), None, "overdue")
    ]


def test_no_pathway_plan_clock_for_a_child_never_eligible():
    # Born 28 Sep 2007, looked after from 7 Aug 2023 (15) to 31 Oct 2023: 86 days since
    # their 14th birthday, short of the 13 weeks (91 days) that make a child eligible,
    # so no pathway plan is owed although they were looked after on their 16th birthday.
    period = _looked_after(D(2023, 8, 7), born=D(2007, 9, 28))
    period.end_date = D(2023, 10, 31)
    period.save()
    assert clocks_of(period.child, "pathway_plan_16_3m") == []


def test_pathway_plan_clock_from_becoming_eligible_after_sixteen():
    # Born 10 Feb 2009, looked after from 1 Feb 2025 (15) and still: 91 days later, on
    # 3 May 2025, they become eligible; the plan is due 3 months later, 3 Aug 2025.
    period = _looked_after(D(2025, 2, 1), born=D(2009, 2, 10))
    PathwayPlanFactory(child=period.child, start_date=D(2025, 7, 1))
    assert clocks_of(period.child, "pathway_plan_16_3m") == [
        (D(2025, 5, 3), D(2025, 8, 3), D(2025, 7, 1), "met_on_time")
    ]


def test_private_fostering_visits():
    # Notified Wednesday 27 Aug 2025 (Monday 25 Aug was a bank holiday): 28, 29 (2),
    # 1-5 Sep (7) -> first visit due Friday 5 Sep 2025; made on 4 Sep. Then within 6
    # weeks in the first year: 16 Oct 2025. After the year (from 1 Sep 2026) a visit
    # on 2 Sep 2026 makes the next due within 12 weeks: 25 Nov 2026.
    arrangement = PrivateFosteringArrangementFactory(
        child=ChildFactory(),
        notified_on=D(2025, 8, 27),
        start_date=D(2025, 9, 1),
        first_visit_due_date=D(2025, 9, 5),
        first_visit_on=D(2025, 9, 4),
    )
    child = arrangement.child
    _visit(child, D(2025, 10, 10), kind="private_fostering")
    _visit(child, D(2026, 9, 2), kind="private_fostering")
    assert clocks_of(child, "private_fostering_first_visit_7wd") == [
        (D(2025, 8, 27), D(2025, 9, 5), D(2025, 9, 4), "met_on_time")
    ]
    assert clocks_of(child, "private_fostering_visit_first_year_6w")[0] == (
        D(2025, 9, 4),
        D(2025, 10, 16),
        D(2025, 10, 10),
        "met_on_time",
    )
    assert clocks_of(child, "private_fostering_visit_12w") == [
        (D(2026, 9, 2), D(2026, 11, 25), None, "due_today")
    ]
