"""Hand-worked scenarios for section 47, conference and child protection plan indicators."""

import pytest

from tests.factories import (
    ChildFactory,
    ChildProtectionPlanFactory,
    CoreGroupMeetingFactory,
    D,
    InitialConferenceFactory,
    ReviewConferenceFactory,
    Section47EnquiryFactory,
    StrategyDiscussionFactory,
    VisitFactory,
)
from tests.performance.indicators.helpers import (
    children,
    counting_queries,
    figure,
    population,
    triple,
)

pytestmark = pytest.mark.django_db


def plan(start, end=None, category="NEG", child=None, **fields):
    episode = "section47__strategy_discussion__cin_episode"
    about = {f"{episode}__child": child} if child else {}
    if end:  # the child's episode closes with the plan, so another may open later
        about |= {f"{episode}__close_date": end, f"{episode}__close_reason": "RC1"}
    conference = InitialConferenceFactory(
        conference_date=start,
        category_of_abuse=category,
        **{f"{episode}__referral_date": start},
        **about,
    )
    ended = {"end_date": end, "end_reason": "no_longer_at_risk"} if end else {}
    return ChildProtectionPlanFactory(
        initial_conference=conference,
        initial_category=category,
        latest_category=category,
        **ended,
        **fields,
    )


def test_section_47_enquiries_started_and_leading_to_conferences():
    Section47EnquiryFactory(start_date=D(2024, 4, 1), end_date=D(2024, 4, 20), outcome="icpc")
    Section47EnquiryFactory(
        start_date=D(2025, 3, 31), end_date=D(2025, 4, 2), outcome="no_further_action"
    )
    Section47EnquiryFactory(
        start_date=D(2024, 3, 31), end_date=D(2024, 4, 5), outcome="no_icpc_cin_plan"
    )
    population(10_000, "2024-25")

    # Started 1 Apr 2024 and 31 Mar 2025; not 31 Mar 2024.
    assert triple("s47_enquiries") == (2, None, 2)
    assert triple("s47_rate") == (2, 10_000, 2.0)
    # Ended in the year: 20 Apr (conference) and 5 Apr (none): 1 / 2 = 50%.
    assert triple("s47_to_icpc") == (1, 2, 50.0)


def test_initial_conferences_within_15_working_days_of_the_strategy_discussion_over_easter():
    # Strategy discussion Thu 10 Apr 2025: 15 working days, skipping Good Friday (18 Apr),
    # Easter Monday (21 Apr), the early May bank holiday (5 May) and weekends, is Tue 6 May.
    for held in (D(2025, 5, 6), D(2025, 5, 7)):
        discussion = StrategyDiscussionFactory(discussion_date=D(2025, 4, 10))
        enquiry = Section47EnquiryFactory(
            strategy_discussion=discussion, start_date=D(2025, 4, 10), end_date=held, outcome="icpc"
        )
        InitialConferenceFactory(section47=enquiry, conference_date=held)
    population(5_000, "2025-26")

    assert triple("icpc_15wd", "2025-26") == (1, 2, 50.0)
    assert triple("icpc_rate", "2025-26") == (2, 5_000, 4.0)


def test_plans_at_31_march_count_unborn_children_and_not_plans_ended_that_day():
    unborn = ChildFactory(date_of_birth=None, expected_date_of_birth=D(2025, 6, 1))
    plan(D(2025, 1, 6), child=unborn, category="EMO")
    plan(D(2025, 3, 31), category="NEG")
    plan(D(2024, 5, 1), end=D(2025, 3, 31))
    plan(D(2024, 5, 1), end=D(2025, 4, 1), category="SAB")
    plan(D(2025, 4, 1))
    population(30_000, "2024-25")

    found = figure("cp_plans")
    assert (found.numerator, found.value) == (3, 3)
    assert unborn.pk in children(found.numerator_rows)
    assert triple("cp_plan_rate") == (3, 30_000, 1.0)
    # Latest categories: EMO, NEG, SAB -> a third each; nobody under PHY or MUL.
    assert triple("cp_category_neg") == (1, 3, 33.3)
    assert triple("cp_category_emo") == (1, 3, 33.3)
    assert triple("cp_category_sab") == (1, 3, 33.3)
    assert triple("cp_category_phy") == (0, 3, 0.0)
    assert triple("cp_category_mul") == (0, 3, 0.0)
    # Started in the year: 6 Jan, 31 Mar, and the two from 1 May 2024.
    assert triple("cp_plans_started") == (4, None, 4)
    assert triple("cp_plans_started_rate") == (4, 30_000, 1.3)


def test_a_second_plan_counts_however_long_ago_the_first_was():
    again = ChildFactory()
    plan(D(2015, 1, 5), end=D(2015, 9, 1), child=again)
    plan(D(2024, 10, 1), child=again)
    plan(D(2024, 11, 1))

    found = figure("cp_second_or_subsequent")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {again.pk}


def test_plans_lasting_two_years_are_more_than_729_days_counting_the_last():
    # 1 Apr 2023 to 30 Mar 2025: 729 days between, 730 counting the last: two years.
    plan(D(2023, 4, 1), end=D(2025, 3, 30))
    # 1 Apr 2023 to 29 Mar 2025: 729 counting the last: not two years.
    plan(D(2023, 4, 1), end=D(2025, 3, 29))
    plan(D(2024, 4, 1), end=D(2024, 10, 1))

    assert triple("cp_ended_two_years") == (1, 3, 33.3)


def test_plans_reviewed_on_time_by_the_engines_due_dates():
    # From 1 Dec 2024 the first review is due 1 Mar 2025: held 28 Feb, on time.
    reviewed = plan(D(2024, 12, 1))
    ReviewConferenceFactory(cp_plan=reviewed, conference_date=D(2025, 2, 28))
    # From 1 Nov 2024, due 1 Feb 2025, never held: late.
    plan(D(2024, 11, 1))
    # From 15 Jan 2025: less than 3 months on a plan at 31 March, not counted.
    plan(D(2025, 1, 15))

    found = figure("cp_reviewed_on_time")
    assert (found.numerator, found.denominator, found.value) == (1, 2, 50.0)
    assert children(found.numerator_rows) == {reviewed.child_id}
    # Counted by the database: numerator and denominator, one query each.
    queries = counting_queries("cp_reviewed_on_time")
    assert [sql.startswith("SELECT COUNT(") for sql in queries] == [True, True]


def test_cp_visits_and_first_core_groups_on_time():
    # Plan from Mon 2 Dec 2024: visits due every 10 working days. Fri 13 Dec is on time;
    # the next is due Mon 30 Dec (25, 26 Dec are holidays) but made Thu 2 Jan: late.
    on_plan = plan(D(2024, 12, 2))
    for day in (D(2024, 12, 13), D(2025, 1, 2)):
        VisitFactory(child=on_plan.child, kind="cp", cp_plan=on_plan, visit_date=day)
    # First core group due 10 working days after 2 Dec: Mon 16 Dec; held Fri 13 Dec.
    CoreGroupMeetingFactory(plan=on_plan, meeting_date=D(2024, 12, 13))

    assert triple("cp_visits_on_time") == (1, 2, 50.0)
    assert triple("core_group_10wd") == (1, 1, 100.0)
