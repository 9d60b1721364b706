"""Foster households, their reviews and private fostering: constraints, ``clean()``
rules and whole-history checks."""

import pytest

from kinfolio.chronology.selectors import chronology_for
from kinfolio.fostering import invariants
from kinfolio.fostering.chronology import LINES
from kinfolio.fostering.models import FosteringReview
from tests.factories_care import (
    CareEpisodeFactory,
    ChildFactory,
    D,
    FosterHouseholdFactory,
    FosteringReviewFactory,
    PrivateFosteringArrangementFactory,
    assert_allowed,
    assert_clean_refuses,
    assert_constraint_refuses,
)

pytestmark = pytest.mark.django_db

STATUS_MESSAGE = "An approved household has an approval date and at least one place"


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "in_assessment"},
        {"status": "approved", "approval_date": None},
        {"status": "approved", "approved_places": 0},
        {"status": "approved", "deregistered_on": D(2020, 1, 1)},
        {"status": "deregistered"},
    ],
)
def test_household_status_not_matching_its_dates_refused(fields):
    assert_constraint_refuses(FosterHouseholdFactory.build(**fields), STATUS_MESSAGE)


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "in_assessment", "approval_date": None, "approved_places": 0},
        {"status": "on_hold"},
        {"status": "deregistered", "deregistered_on": D(2020, 1, 1)},
    ],
)
def test_household_status_matching_its_dates_allowed(fields):
    assert_allowed(FosterHouseholdFactory.build(**fields))


def test_household_deregistered_before_approval_refused():
    household = FosterHouseholdFactory.build(status="deregistered", deregistered_on=D(2014, 1, 1))
    assert_constraint_refuses(
        household, "A household cannot be deregistered before it was approved."
    )


@pytest.mark.parametrize(("age_from", "age_to"), [(10, 5), (0, 18)])
def test_household_age_range_backwards_or_past_17_refused(age_from, age_to):
    household = FosterHouseholdFactory.build(age_from=age_from, age_to=age_to)
    assert_constraint_refuses(
        household, "The approved age range runs from a younger to an older age, up to 17."
    )


def test_household_for_teenagers_allowed():
    assert_allowed(FosterHouseholdFactory.build(age_from=11, age_to=17))


def test_two_reviews_on_one_day_refused():
    first = FosteringReviewFactory()
    review = FosteringReviewFactory.build(household=first.household)
    assert_constraint_refuses(review, "This household already has a review on that day.")


@pytest.mark.parametrize("review_date", [D(2014, 12, 1), D(2020, 2, 1)])
def test_review_outside_approval_refused(review_date):
    household = FosterHouseholdFactory(status="deregistered", deregistered_on=D(2020, 1, 1))
    review = FosteringReviewFactory.build(household=household, review_date=review_date)
    assert_clean_refuses(review, "A household is reviewed only while it is approved.")


def test_review_while_approved_allowed():
    assert_allowed(FosteringReviewFactory.build(household=FosterHouseholdFactory()))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end_date": D(2020, 2, 1)}, "The end date cannot be before the start date."),
        (
            {"first_visit_on": D(2020, 2, 1)},
            "The first visit cannot be before the authority was notified.",
        ),
        (
            {"first_visit_due_date": D(2020, 2, 1)},
            "The first visit cannot be due before the authority was notified.",
        ),
    ],
)
def test_private_fostering_dates_out_of_order_refused(fields, message):
    arrangement = PrivateFosteringArrangementFactory.build(child=ChildFactory(), **fields)
    assert_constraint_refuses(arrangement, message)


def test_second_open_private_fostering_refused():
    first = PrivateFosteringArrangementFactory()
    second = PrivateFosteringArrangementFactory.build(child=first.child, start_date=D(2021, 1, 1))
    assert_constraint_refuses(
        second, "This child already has a current private fostering arrangement."
    )


def test_overlapping_private_fostering_refused_by_clean():
    first = PrivateFosteringArrangementFactory(end_date=D(2020, 9, 1))
    second = PrivateFosteringArrangementFactory.build(
        child=first.child, start_date=D(2020, 4, 1), end_date=D(2020, 5, 1)
    )
    assert_clean_refuses(second, "This overlaps another private fostering arrangement")


def test_private_fostering_visited_after_notice_allowed():
    assert_allowed(
        PrivateFosteringArrangementFactory.build(
            child=ChildFactory(), first_visit_on=D(2020, 3, 9), end_date=D(2020, 9, 1)
        )
    )


def test_fostering_reviews_while_approved_finds_a_review_before_approval():
    review = FosteringReviewFactory()
    FosteringReview.objects.filter(pk=review.pk).update(review_date=D(2014, 1, 1))
    assert invariants.fostering_reviews_while_approved() == [
        f"fostering review {review.pk} dated outside the household's approval"
    ]


def test_foster_households_within_approved_places_finds_too_many_children():
    household = FosterHouseholdFactory(approved_places=1)
    CareEpisodeFactory(foster_household=household)
    assert invariants.foster_households_within_approved_places() == []
    CareEpisodeFactory(foster_household=household, period__start_date=D(2020, 2, 1))
    assert len(invariants.foster_households_within_approved_places()) == 1


def test_private_fostering_arrangements_do_not_overlap_finds_an_overlap():
    first = PrivateFosteringArrangementFactory(end_date=D(2020, 9, 1))
    PrivateFosteringArrangementFactory(child=first.child, start_date=D(2020, 4, 1))
    assert len(invariants.private_fostering_arrangements_do_not_overlap()) == 2


def test_events_show_private_fostering():
    arrangement = PrivateFosteringArrangementFactory(
        first_visit_on=D(2020, 3, 5), end_date=D(2020, 9, 1)
    )
    PrivateFosteringArrangementFactory()
    titles = [e.title for e in chronology_for(arrangement.child, lines=LINES)]
    assert titles == [
        "Private fostering ended",
        "First visit",
        "Private fostering notified",  # the same day: in the order the records tell it
        "Privately fostered",
    ]
