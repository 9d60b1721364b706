"""Adopters through the process and a child's adoption: every step refused out of
order with nothing written, and allowed in order."""

import pytest

from kinfolio.adoption.models import AdopterHousehold, AdoptionPlan
from kinfolio.adoption.services import adopters, plans
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import AdopterHouseholdFactory, PeriodOfCareFactory
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def by():
    return staff()


def enquiry(by) -> AdopterHousehold:
    return adopters.record_enquiry(
        adopters="Robin and Sam Lee",
        number_of_adopters=2,
        sex_of_adopters="MF",
        legal_status="L11",
        postcode="mk9 3ej",
        enquiry_date=D(2024, 1, 8),
        by=by,
    )


def test_adopters_go_through_every_stage_in_annex_a_order(by):
    household = enquiry(by)
    days = [
        D(2024, 2, 1),
        D(2024, 3, 1),
        D(2024, 3, 15),
        D(2024, 6, 1),
        D(2024, 6, 1),
        D(2024, 7, 1),
    ]
    for day in days:
        household = adopters.record_step(household=household, day=day, by=by)
    assert (household.stage_1_started, household.stage_2_ended) == (D(2024, 2, 1), D(2024, 6, 1))
    assert household.approval_date == D(2024, 7, 1)
    assert household.reference == f"AE{household.pk:06d}"
    assert adopters.next_step(household) is None
    assert_refused(
        lambda: adopters.record_step(household=household, day=D(2024, 8, 1), by=by),
        message="approved or have left",
        unchanged=[household],
    )


def test_a_step_dated_before_the_last_is_refused(by):
    household = adopters.record_step(household=enquiry(by), day=D(2024, 2, 1), by=by)
    assert_refused(
        lambda: adopters.record_step(household=household, day=D(2024, 1, 31), by=by),
        message="Stage 1 ended cannot be before the step before it",
        unchanged=[household],
    )


def test_an_enquiry_needs_names_and_a_postcode_and_agreeing_codes(by):
    call = {
        "adopters": "Pat Lee",
        "number_of_adopters": 1,
        "sex_of_adopters": "F1",
        "legal_status": "L0",
        "postcode": "MK9 3EJ",
        "enquiry_date": D(2024, 1, 8),
        "by": by,
    }
    for change, message in [
        ({"adopters": ""}, "Enter the names"),
        ({"postcode": "x"}, "real postcode"),
        ({"sex_of_adopters": "MF"}, "A single adopter is M1 or F1"),
    ]:
        assert_refused(
            lambda change=change: adopters.record_enquiry(**{**call, **change}),
            message=message,
            counted=[AdopterHousehold],
        )
    assert adopters.record_enquiry(**call).number_of_adopters == 1


def test_adopters_cannot_leave_while_a_child_is_placed_with_them(by):
    household = AdopterHouseholdFactory()
    plan = looked_after_plan(by)
    plans.record_match(
        plan=plan, day=D(2024, 5, 1), adopters=household, adopted_by_foster_carer=False, by=by
    )
    plans.record_placed(plan=plan, day=D(2024, 6, 1), by=by)
    assert_refused(
        lambda: adopters.leave_process(
            household=household, day=D(2024, 7, 1), reason="withdrew", by=by
        ),
        message="A child is placed with these adopters",
        unchanged=[household],
    )
    plans.record_adoption_order(plan=plan, day=D(2024, 12, 1), by=by)
    adopters.leave_process(household=household, day=D(2025, 1, 1), reason="adoption_order", by=by)
    household.refresh_from_db()
    assert (household.deregistered_on, household.leaving_reason) == (
        D(2025, 1, 1),
        "adoption_order",
    )


def looked_after_plan(by) -> AdoptionPlan:
    period = PeriodOfCareFactory(start_date=D(2023, 1, 1))
    return plans.record_decision(child=period.child, day=D(2024, 1, 1), by=by)


def test_the_decision_is_refused_for_a_child_not_looked_after_and_twice(by):
    period = PeriodOfCareFactory(start_date=D(2023, 1, 1))
    assert_refused(
        lambda: plans.record_decision(child=period.child, day=D(2022, 1, 1), by=by),
        message="while the child was looked after",
        counted=[AdoptionPlan],
    )
    plans.record_decision(child=period.child, day=D(2024, 1, 1), by=by)
    assert_refused(
        lambda: plans.record_decision(child=period.child, day=D(2024, 2, 1), by=by),
        message="already has an adoption plan in progress",
        counted=[AdoptionPlan],
    )


def test_each_step_out_of_order_is_refused(by):
    plan = looked_after_plan(by)
    unapproved = AdopterHouseholdFactory(approval_date=D(2024, 6, 1))
    cases = [
        (
            lambda: plans.record_placement_order(plan=plan, day=D(2023, 12, 1), by=by),
            "before the decision",
        ),
        (
            lambda: plans.record_placed(plan=plan, day=D(2024, 3, 1), by=by),
            "matched with adopters before",
        ),
        (
            lambda: plans.record_match(
                plan=plan,
                day=D(2024, 5, 1),
                adopters=unapproved,
                adopted_by_foster_carer=False,
                by=by,
            ),
            "approved by the date of the match",
        ),
        (
            lambda: plans.reverse_decision(plan=plan, day=D(2024, 3, 1), reason="", by=by),
            "Select why",
        ),
        (
            lambda: plans.record_adoption_order(plan=plan, day=D(2024, 9, 1), by=by),
            "placed for adoption before",
        ),
    ]
    for call, message in cases:
        assert_refused(call, message=message, unchanged=[plan])


def test_a_reversed_decision_ends_the_plan_with_its_rd_reason(by):
    plan = plans.reverse_decision(
        plan=looked_after_plan(by), day=D(2024, 3, 1), reason="RD1", by=by
    )
    assert (plan.decision_reversed_date, plan.reason_placed_ceased) == (D(2024, 3, 1), "RD1")
    assert_refused(
        lambda: plans.record_placement_order(plan=plan, day=D(2024, 4, 1), by=by),
        message="has ended",
        unchanged=[plan],
    )
