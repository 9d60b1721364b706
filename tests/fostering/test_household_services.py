"""A foster household from enquiry to approval, its reviews, availability and
deregistration: each rule refused with nothing written, and allowed the other way."""

import pytest

from kinfolio.core.versions import StaleRecord
from kinfolio.fostering.models import FosterHousehold, FosteringReview, HouseholdStatus
from kinfolio.fostering.services import households
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import (
    CareEpisodeFactory,
    FosterHouseholdFactory,
    PlacementProviderFactory,
)
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def by():
    return staff()


def enquiry(by, **kwargs) -> FosterHousehold:
    return households.record_enquiry(
        carers="Ann and Bo Carer",
        postcode=kwargs.pop("postcode", "mk93ej"),
        enquiry_date=D(2025, 1, 6),
        by=by,
        **kwargs,
    )


def approved(by, **kwargs) -> FosterHousehold:
    household = households.start_assessment(household=enquiry(by), day=D(2025, 2, 3), by=by)
    answers = {
        "panel_date": D(2025, 7, 1),
        "approval_date": D(2025, 7, 8),
        "approved_places": 2,
        "age_from": 0,
        "age_to": 10,
        "needs_met": ["sibling_group"],
    }
    return households.approve(household=household, by=by, **{**answers, **kwargs})


def test_an_enquiry_becomes_an_approved_household_with_places_and_ages(by):
    household = approved(by)
    household.refresh_from_db()
    assert household.reference == f"FE{household.pk:06d}"
    assert household.postcode == "MK9 3EJ"
    assert (household.status, household.approved_places, household.age_to) == (
        HouseholdStatus.APPROVED,
        2,
        10,
    )
    assert household.needs_met == ["sibling_group"]
    assert household.version == 3  # enquiry 1, assessment 2, approval 3


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"carers": " "}, "Enter the names"),
        ({"postcode": "nowhere"}, "Enter a real postcode"),
        ({"in_house": False}, "Select the independent fostering agency"),
        ({"carers": "Ann Carer " * 21}, "at most 200 characters"),  # the model's own rules
    ],
)
def test_an_enquiry_is_refused_without_what_it_needs(by, answers, message):
    call = {"carers": "Ann Carer", "postcode": "MK9 3EJ", "enquiry_date": D(2025, 1, 6)}
    assert_refused(
        lambda: households.record_enquiry(by=by, **{**call, **answers}),
        message=message,
        counted=[FosterHousehold],
    )


def test_an_agency_enquiry_names_its_agency(by):
    agency = PlacementProviderFactory(provider_type="ifa", name="Bright Futures Fostering")
    household = enquiry(by, in_house=False, fostering_agency=agency)
    assert household.fostering_agency == agency
    assert_refused(
        lambda: enquiry(by, fostering_agency=agency),
        message="Only an agency's household",
        counted=[FosterHousehold],
    )


def test_the_assessment_cannot_start_before_the_enquiry_or_twice(by):
    household = enquiry(by)
    assert_refused(
        lambda: households.start_assessment(household=household, day=D(2025, 1, 5), by=by),
        message="cannot start before the enquiry",
        unchanged=[household],
    )
    households.start_assessment(household=household, day=D(2025, 1, 6), by=by)
    assert_refused(
        lambda: households.start_assessment(household=household, day=D(2025, 1, 7), by=by),
        message="already started",
        unchanged=[household],
    )


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"approved_places": 0}, "Approve at least 1 place"),
        ({"age_from": 12, "age_to": 10}, "age range"),
        ({"needs_met": ["flying"]}, "Select needs"),
        ({"approval_date": D(2025, 6, 30)}, "cannot be before the panel"),
        ({"panel_date": D(2025, 2, 2), "approval_date": D(2025, 2, 2)}, "before the assessment"),
    ],
)
def test_an_approval_breaking_a_rule_is_refused(by, answers, message):
    household = households.start_assessment(household=enquiry(by), day=D(2025, 2, 3), by=by)
    assert_refused(
        lambda: approved_again(household, by, answers), message=message, unchanged=[household]
    )


def approved_again(household, by, answers):
    call = {
        "panel_date": D(2025, 7, 1),
        "approval_date": D(2025, 7, 8),
        "approved_places": 3,
        "age_from": 0,
        "age_to": 17,
    }
    return households.approve(household=household, by=by, **{**call, **answers})


def test_approval_needs_an_assessment_first(by):
    household = enquiry(by)
    assert_refused(
        lambda: approved_again(household, by, {}),
        message="Record the start of the assessment",
        unchanged=[household],
    )


def test_a_save_over_a_newer_version_is_refused(by):
    household = enquiry(by)
    households.start_assessment(household=household, day=D(2025, 2, 3), by=by, opened_version=1)
    with pytest.raises(StaleRecord):
        households.approve(
            household=household,
            panel_date=D(2025, 7, 1),
            approval_date=D(2025, 7, 1),
            approved_places=1,
            age_from=0,
            age_to=17,
            opened_version=1,
            by=by,
        )


def test_reviews_only_while_approved(by):
    household = approved(by)
    review = households.record_review(
        household=household, review_date=D(2026, 7, 1), approval_continued=True, by=by
    )
    assert review.household == household
    assert_refused(
        lambda: households.record_review(
            household=household, review_date=D(2025, 7, 7), approval_continued=True, by=by
        ),
        message="reviewed only while it is approved",
        counted=[FosteringReview],
    )
    waiting = enquiry(by)
    assert_refused(
        lambda: households.record_review(
            household=waiting, review_date=D(2026, 7, 1), approval_continued=True, by=by
        ),
        message="reviewed only while it is approved",
        counted=[FosteringReview],
    )


def test_a_household_on_hold_and_back(by):
    household = approved(by)
    households.set_availability(household=household, taking_placements=False, by=by)
    household.refresh_from_db()
    assert household.status == HouseholdStatus.ON_HOLD
    households.set_availability(household=household, taking_placements=True, by=by)
    household.refresh_from_db()
    assert household.status == HouseholdStatus.APPROVED
    waiting = enquiry(by)
    assert_refused(
        lambda: households.set_availability(household=waiting, taking_placements=True, by=by),
        message="Only an approved household",
        unchanged=[waiting],
    )


def test_deregistration_is_refused_while_a_child_is_placed_and_allowed_after(by):
    household = FosterHouseholdFactory(approval_date=D(2015, 1, 1))
    episode = CareEpisodeFactory(foster_household=household)
    assert_refused(
        lambda: households.deregister(
            household=household, day=D(2025, 1, 1), reason="retired", by=by
        ),
        message="A child is placed with this household",
        unchanged=[household],
    )
    episode.end_date, episode.reason_ceased = D(2024, 1, 1), "E11"
    episode.save()
    assert_refused(
        lambda: households.deregister(
            household=household, day=D(2014, 1, 1), reason="retired", by=by
        ),
        message="before it was approved",
        unchanged=[household],
    )
    assert_refused(
        lambda: households.deregister(
            household=household, day=D(2025, 1, 1), reason="bored", by=by
        ),
        message="Select why",
        unchanged=[household],
    )
    households.deregister(household=household, day=D(2025, 1, 1), reason="retired", by=by)
    household.refresh_from_db()
    assert (household.status, household.deregistration_reason) == ("deregistered", "retired")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"reason": "bored"}, "Select whether the applicants withdrew"),
        ({"detail": "  "}, "Enter what happened"),
        ({"day": D(2099, 1, 1)}, "a day still to come"),
        ({"day": D(2025, 1, 5)}, "cannot close before 6 January 2025"),
    ],
)
def test_closing_an_enquiry_is_refused_with_nothing_written_then_allowed(by, answers, message):
    household = enquiry(by)
    close = {"day": D(2025, 2, 1), "reason": "withdrawn", "detail": "They are moving abroad"}
    assert_refused(
        lambda: households.close_enquiry(household=household, by=by, **{**close, **answers}),
        message=message,
        unchanged=[household],
    )

    households.close_enquiry(household=household, by=by, **close)
    household.refresh_from_db()
    assert (household.status, household.closed_on, household.closure_reason) == (
        HouseholdStatus.CLOSED,
        D(2025, 2, 1),
        "withdrawn",
    )
    assert household.stage == "Enquiry closed: withdrawn by the applicants"


def test_an_assessment_closes_no_earlier_than_its_last_step(by):
    household = households.start_assessment(household=enquiry(by), day=D(2025, 2, 3), by=by)
    close = {"reason": "not_progressed", "detail": "References raised concerns"}
    assert_refused(
        lambda: households.close_enquiry(household=household, day=D(2025, 2, 1), by=by, **close),
        message="cannot close before 3 February 2025",
        unchanged=[household],
    )
    households.close_enquiry(household=household, day=D(2025, 2, 3), by=by, **close)
    household.refresh_from_db()
    assert household.stage == "Enquiry closed: not progressed by the fostering service"


def test_an_approved_or_closed_household_cannot_be_closed_as_an_enquiry(by):
    close = {"day": D(2025, 8, 1), "reason": "withdrawn", "detail": "Changed their minds"}
    household = approved(by)
    assert_refused(
        lambda: households.close_enquiry(household=household, by=by, **close),
        message="Only an enquiry not yet approved can be closed",
        unchanged=[household],
    )
    closed = households.close_enquiry(household=enquiry(by), by=by, **close)
    assert_refused(
        lambda: households.close_enquiry(household=closed, by=by, **close),
        message="Only an enquiry not yet approved can be closed",
        unchanged=[closed],
    )
    assert_refused(
        lambda: households.start_assessment(household=closed, day=D(2025, 8, 2), by=by),
        message="already started",
        unchanged=[closed],
    )
