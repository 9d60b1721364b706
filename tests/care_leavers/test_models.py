"""Care leavers: constraints, ``clean()`` rules, whole-history checks and chronology."""

import pytest

from kinfolio.care_leavers import invariants
from kinfolio.care_leavers.chronology import LINES
from kinfolio.care_leavers.models import CareLeaverContact, StayingPut, birthday_in
from kinfolio.chronology.selectors import chronology_for
from tests.factories_care import (
    CareLeaverContactFactory,
    CareLeaverStatusFactory,
    ChildFactory,
    D,
    HealthHistoryGivenFactory,
    PathwayPlanFactory,
    PathwayPlanReviewFactory,
    PeriodOfCareFactory,
    StayingPutFactory,
    assert_allowed,
    assert_clean_refuses,
    assert_constraint_refuses,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("born", "year", "expected"),
    [
        (D(2008, 6, 15), 2026, D(2026, 6, 15)),
        (D(2008, 2, 29), 2026, D(2026, 3, 1)),
        (D(2008, 2, 29), 2028, D(2028, 2, 29)),
    ],
)
def test_birthday_in(born, year, expected):
    assert birthday_in(born, year) == expected


# --- CareLeaverStatus -------------------------------------------------------------------


def test_status_end_before_start_refused():
    status = CareLeaverStatusFactory.build(child=ChildFactory(), end_date=D(2026, 1, 1))
    assert_constraint_refuses(status, "The end date cannot be before the start date.")


def test_second_open_status_refused():
    first = CareLeaverStatusFactory()
    second = CareLeaverStatusFactory.build(child=first.child, start_date=D(2027, 1, 1))
    assert_constraint_refuses(second, "This young person already has a current care leaver status.")


def test_overlapping_status_refused_by_clean():
    first = CareLeaverStatusFactory(end_date=D(2029, 6, 15))
    second = CareLeaverStatusFactory.build(
        child=first.child, eligibility="relevant", start_date=D(2025, 1, 1), end_date=D(2026, 7, 1)
    )
    assert_clean_refuses(second, "This overlaps another care leaver status")


def test_relevant_then_former_relevant_allowed():
    later = CareLeaverStatusFactory()
    assert_allowed(
        CareLeaverStatusFactory.build(
            child=later.child,
            eligibility="relevant",
            start_date=D(2025, 1, 1),
            end_date=D(2026, 6, 15),
        )
    )


# --- pathway plans --------------------------------------------------------------------


def test_pathway_plan_end_before_start_refused():
    plan = PathwayPlanFactory.build(
        child=ChildFactory(), personal_adviser=None, end_date=D(2024, 1, 1)
    )
    assert_constraint_refuses(plan, "The end date cannot be before the start date.")


def test_second_open_pathway_plan_refused():
    first = PathwayPlanFactory()
    second = PathwayPlanFactory.build(
        child=first.child, personal_adviser=None, start_date=D(2025, 1, 1)
    )
    assert_constraint_refuses(second, "This young person already has a current pathway plan.")


def test_pathway_plan_after_an_ended_one_allowed():
    first = PathwayPlanFactory(end_date=D(2025, 1, 1))
    assert_allowed(
        PathwayPlanFactory.build(child=first.child, personal_adviser=None, start_date=D(2025, 1, 1))
    )


def test_pathway_plan_review_before_the_plan_refused():
    review = PathwayPlanReviewFactory.build(plan=PathwayPlanFactory(), review_date=D(2024, 1, 1))
    assert_clean_refuses(review, "A pathway plan is reviewed while it is in place.")


def test_pathway_plan_review_while_in_place_allowed():
    assert_allowed(
        PathwayPlanReviewFactory.build(plan=PathwayPlanFactory(), review_date=D(2025, 2, 20))
    )


# --- CareLeaverContact (OC3) ----------------------------------------------------------


def test_two_contacts_for_one_birthday_refused():
    first = CareLeaverContactFactory()
    assert_constraint_refuses(
        CareLeaverContactFactory.build(child=first.child),
        "This birthday's information is already recorded.",
    )


@pytest.mark.parametrize("in_touch", ["DIED", "RHOM"])
def test_activity_reported_after_death_or_return_home_refused(in_touch):
    contact = CareLeaverContactFactory.build(child=ChildFactory(), in_touch=in_touch)
    assert_constraint_refuses(contact, 'activity and accommodation are "0"')


def test_nothing_to_report_after_return_home_allowed():
    assert_allowed(
        CareLeaverContactFactory.build(
            child=ChildFactory(), in_touch="RHOM", activity="0", accommodation="0"
        )
    )


@pytest.mark.parametrize("birthday", [D(2026, 6, 16), D(2024, 6, 15), D(2030, 6, 15)])
def test_contact_not_on_a_17th_to_21st_birthday_refused(birthday):
    contact = CareLeaverContactFactory.build(child=ChildFactory(), birthday=birthday)
    assert_clean_refuses(
        contact, "Give the young person's 17th, 18th, 19th, 20th or 21st birthday."
    )


@pytest.mark.parametrize("birthday", [D(2025, 6, 15), D(2029, 6, 15)])
def test_contact_on_a_17th_or_21st_birthday_allowed(birthday):
    contact = CareLeaverContactFactory.build(child=ChildFactory(), birthday=birthday)
    assert_allowed(contact)
    assert contact.accommodation_suitable is True


# --- StayingPut and health history ----------------------------------------------------


def test_staying_put_end_before_start_refused():
    arrangement = StayingPutFactory.build(child=ChildFactory(), end_date=D(2026, 1, 1))
    assert_constraint_refuses(arrangement, "The end date cannot be before the start date.")


def test_second_open_staying_put_refused():
    first = StayingPutFactory()
    second = StayingPutFactory.build(child=first.child, start_date=D(2027, 1, 1))
    assert_constraint_refuses(
        second, "This young person already has a current staying put arrangement."
    )


def test_staying_put_before_18_refused():
    arrangement = StayingPutFactory.build(child=ChildFactory(), start_date=D(2026, 6, 14))
    assert_clean_refuses(
        arrangement, "Staying put starts on or after the young person's 18th birthday."
    )


def test_overlapping_staying_put_refused_by_clean():
    first = StayingPutFactory(end_date=D(2027, 1, 1))
    second = StayingPutFactory.build(
        child=first.child, start_date=D(2026, 9, 1), end_date=D(2026, 10, 1)
    )
    assert_clean_refuses(second, "This overlaps another staying put arrangement.")


def test_staying_put_from_the_18th_birthday_allowed():
    assert_allowed(StayingPutFactory.build(child=ChildFactory()))


def test_two_health_histories_on_one_day_refused():
    first = HealthHistoryGivenFactory()
    assert_constraint_refuses(
        HealthHistoryGivenFactory.build(child=first.child),
        "A health history was already given on that day.",
    )


def test_health_history_given_allowed():
    assert_allowed(HealthHistoryGivenFactory.build(child=ChildFactory()))


# --- invariants -------------------------------------------------------------------------


def test_a_consistent_care_leaver_history_breaks_no_rule():
    child = ChildFactory()
    PeriodOfCareFactory(child=child, start_date=D(2024, 6, 1), end_date=D(2026, 6, 15))
    CareLeaverStatusFactory(
        child=child, eligibility="eligible", start_date=D(2024, 6, 15), end_date=D(2026, 6, 15)
    )
    CareLeaverStatusFactory(child=child)
    PathwayPlanReviewFactory(plan=PathwayPlanFactory(child=child), review_date=D(2025, 2, 1))
    StayingPutFactory(child=child)
    CareLeaverContactFactory(child=child)
    assert all(check() == [] for check in invariants.CHECKS)


def test_care_leaver_statuses_do_not_overlap_finds_an_overlap():
    first = CareLeaverStatusFactory()
    CareLeaverStatusFactory(child=first.child, start_date=D(2025, 1, 1), end_date=D(2027, 1, 1))
    assert len(invariants.care_leaver_statuses_do_not_overlap()) == 2


def test_eligible_young_people_are_looked_after_finds_one_not_in_care():
    CareLeaverStatusFactory(eligibility="eligible")
    assert len(invariants.eligible_young_people_are_looked_after()) == 1


def test_pathway_plans_do_not_overlap_finds_an_overlap():
    first = PathwayPlanFactory()
    PathwayPlanFactory(child=first.child, start_date=D(2024, 1, 1), end_date=D(2025, 1, 1))
    assert len(invariants.pathway_plans_do_not_overlap()) == 2


def test_pathway_plan_reviews_lie_within_their_plan_finds_an_early_review():
    PathwayPlanReviewFactory(review_date=D(2024, 1, 1))
    assert len(invariants.pathway_plan_reviews_lie_within_their_plan()) == 1


def test_staying_put_arrangements_do_not_overlap_finds_an_overlap():
    first = StayingPutFactory()
    StayingPut.objects.bulk_create(
        [
            StayingPutFactory.build(
                child=first.child, start_date=D(2026, 7, 1), end_date=D(2026, 8, 1)
            )
        ]
    )
    assert len(invariants.staying_put_arrangements_do_not_overlap()) == 2


def test_staying_put_starts_at_18_finds_an_early_start():
    StayingPutFactory(start_date=D(2026, 1, 1))
    assert len(invariants.staying_put_starts_at_18()) == 1


def test_care_leaver_contacts_check_finds_a_contact_on_the_wrong_day():
    contact = CareLeaverContactFactory()
    CareLeaverContact.objects.filter(pk=contact.pk).update(birthday=D(2026, 6, 1))
    assert len(invariants.care_leaver_contacts_are_on_a_17th_to_21st_birthday()) == 1


def test_events_show_the_care_leavers_journey():
    child = ChildFactory()
    CareLeaverStatusFactory(child=child)
    PathwayPlanReviewFactory(plan=PathwayPlanFactory(child=child), review_date=D(2025, 2, 1))
    StayingPutFactory(child=child, end_date=D(2027, 1, 1))
    CareLeaverContactFactory(child=child)
    HealthHistoryGivenFactory(child=child)
    CareLeaverStatusFactory()
    titles = {e.title for e in chronology_for(child, lines=LINES)}
    assert titles == {
        "Former relevant: aged 18 to 25",
        "Pathway plan agreed",
        "Pathway plan reviewed",
        "Staying put began",
        "Staying put ended",
        "Yes, in touch",
        "Given a copy of their health history",
    }
