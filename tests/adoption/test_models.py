"""Adopters, adoption plans and previous permanence: constraints, ``clean()`` rules,
whole-history checks and chronology."""

import pytest

from kinfolio.adoption import invariants
from kinfolio.adoption.chronology import LINES
from kinfolio.adoption.models import AdoptionPlan, PreviousPermanence
from kinfolio.chronology.selectors import chronology_for
from tests.factories_care import (
    AdopterHouseholdFactory,
    AdoptionPlanFactory,
    CareEpisodeFactory,
    ChildFactory,
    D,
    PeriodOfCareFactory,
    PreviousPermanenceFactory,
    assert_allowed,
    assert_clean_refuses,
    assert_constraint_refuses,
)

pytestmark = pytest.mark.django_db


# --- AdopterHousehold -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "sex", "status"),
    [
        (1, "MF", "L0"),
        (1, "F1", "L11"),
        (2, "M1", "L11"),
        (2, "MM", "L0"),
    ],
)
def test_adopters_number_sex_and_status_disagreeing_refused(number, sex, status):
    household = AdopterHouseholdFactory.build(
        number_of_adopters=number, sex_of_adopters=sex, legal_status=status
    )
    assert_constraint_refuses(household, "A single adopter is M1 or F1 with legal status L0")


@pytest.mark.parametrize(("number", "sex", "status"), [(1, "F1", "L0"), (2, "FF", "L12")])
def test_single_adopter_and_couple_allowed(number, sex, status):
    assert_allowed(
        AdopterHouseholdFactory.build(
            number_of_adopters=number, sex_of_adopters=sex, legal_status=status
        )
    )


def test_l3_couple_not_male_and_female_refused():
    household = AdopterHouseholdFactory.build(sex_of_adopters="FF", legal_status="L3")
    assert_constraint_refuses(household, "Legal status L3 is for a male and female couple.")


def test_adopters_deregistered_before_approval_refused():
    household = AdopterHouseholdFactory.build(deregistered_on=D(2019, 1, 1))
    assert_constraint_refuses(
        household, "Adopters cannot be deregistered before they were approved."
    )


# --- AdoptionPlan: constraints ----------------------------------------------------------


def plan(**fields):
    return AdoptionPlanFactory.build(child=fields.pop("child", None) or ChildFactory(), **fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"placement_order_date": D(2020, 2, 1)},
            "The placement order cannot be before the decision to place for adoption.",
        ),
        (
            {"matched_date": D(2020, 2, 1)},
            "The match cannot be before the decision to place for adoption.",
        ),
        (
            {
                "placement_order_date": D(2020, 6, 1),
                "matched_date": D(2020, 4, 1),
                "placed_date": D(2020, 5, 1),
            },
            "The child cannot be placed for adoption before the placement order.",
        ),
        (
            {"matched_date": D(2020, 6, 1), "placed_date": D(2020, 5, 1)},
            "The child cannot be placed for adoption before the match.",
        ),
        (
            {
                "matched_date": D(2020, 4, 1),
                "placed_date": D(2020, 5, 1),
                "adoption_order_date": D(2020, 4, 2),
            },
            "The adoption order cannot be before the child was placed for adoption.",
        ),
        (
            {"decision_reversed_date": D(2020, 2, 1), "reason_placed_ceased": "RD1"},
            "The decision cannot be reversed before it was made.",
        ),
        ({"placed_date": D(2020, 5, 1)}, "A child is matched with adopters before being placed."),
        (
            {"adoption_order_date": D(2020, 9, 1)},
            "A child is placed for adoption before the adoption order.",
        ),
        (
            {"matched_date": D(2020, 4, 1), "adopters": None},
            "Name the adopters the child was matched",
        ),
        (
            {"decision_reversed_date": D(2020, 6, 1)},
            "Give the reason the child should no longer be",
        ),
        ({"reason_placed_ceased": "RD1"}, "Give the reason the child should no longer be"),
    ],
)
def test_adoption_plan_constraint_refuses(fields, message):
    if "matched_date" in fields:
        fields.setdefault("adopters", AdopterHouseholdFactory())
    assert_constraint_refuses(plan(**fields), message)


def test_adoption_order_after_reversal_refused():
    adopted = plan(
        matched_date=D(2020, 4, 1),
        placed_date=D(2020, 5, 1),
        adoption_order_date=D(2020, 9, 1),
        adopters=AdopterHouseholdFactory(),
        decision_reversed_date=D(2020, 10, 1),
        reason_placed_ceased="RD1",
    )
    assert_constraint_refuses(
        adopted,
        "An adoption order cannot be made after the decision to place for adoption was reversed.",
    )


def test_second_live_adoption_plan_refused():
    first = AdoptionPlanFactory()
    assert_constraint_refuses(
        plan(child=first.child, adm_decision_date=D(2021, 1, 1)),
        "This child already has an adoption plan in progress.",
    )


def adopted_child():
    """Looked after from 2020, adopted on 1 September 2021."""
    period = PeriodOfCareFactory(end_date=D(2021, 9, 1))
    CareEpisodeFactory(period=period, end_date=D(2021, 9, 1), reason_ceased="E11")
    return period.child


def test_whole_adoption_journey_allowed():
    child = adopted_child()
    assert_allowed(
        plan(
            child=child,
            placement_order_date=D(2020, 6, 1),
            matched_date=D(2020, 9, 1),
            placed_date=D(2020, 10, 1),
            adoption_order_date=D(2021, 9, 1),
            adopters=AdopterHouseholdFactory(),
            adopted_by_foster_carer=False,
        )
    )


# --- AdoptionPlan: clean() --------------------------------------------------------------


def test_adm_decision_when_not_looked_after_refused():
    assert_clean_refuses(
        plan(), "The decision to place for adoption must be dated while the child was looked after."
    )


def test_match_with_adopters_not_yet_approved_refused():
    child = PeriodOfCareFactory().child
    adopters = AdopterHouseholdFactory(approval_date=D(2020, 5, 1))
    assert_clean_refuses(
        plan(child=child, matched_date=D(2020, 4, 1), adopters=adopters),
        "The adopters must be approved by the date of the match.",
    )


# --- PreviousPermanence ---------------------------------------------------------------


def test_no_previous_permanence_with_details_refused():
    previous = PreviousPermanenceFactory.build(child=ChildFactory(), permanence_option="Z1")
    assert_constraint_refuses(
        previous,
        "When there was no previous permanence option, leave the date and local authority blank.",
    )


def test_no_previous_permanence_without_details_allowed():
    assert_allowed(
        PreviousPermanenceFactory.build(
            child=ChildFactory(), permanence_option="Z1", order_date=None, local_authority=""
        )
    )


def test_previous_permanence_before_birth_refused():
    previous = PreviousPermanenceFactory.build(child=ChildFactory(), order_date=D(2001, 1, 1))
    assert_clean_refuses(previous, "The order cannot be dated before the child was born.")


def test_previous_special_guardianship_allowed():
    assert_allowed(PreviousPermanenceFactory.build(child=ChildFactory()))


# --- invariants and chronology --------------------------------------------------------


def test_a_consistent_adoption_history_breaks_no_rule():
    child = adopted_child()
    AdoptionPlanFactory(
        child=child,
        matched_date=D(2020, 9, 1),
        placed_date=D(2020, 10, 1),
        adoption_order_date=D(2021, 9, 1),
        adopters=AdopterHouseholdFactory(),
    )
    PreviousPermanenceFactory(child=child)
    assert all(check() == [] for check in invariants.CHECKS)


def test_adm_decisions_made_while_looked_after_finds_one_outside_care():
    AdoptionPlanFactory()
    assert len(invariants.adm_decisions_made_while_looked_after()) == 1


def test_adopters_approved_before_the_match_finds_unapproved_adopters():
    AdoptionPlanFactory(
        matched_date=D(2020, 4, 1), adopters=AdopterHouseholdFactory(approval_date=None)
    )
    assert len(invariants.adopters_approved_before_the_match()) == 1


def test_adoption_orders_end_the_period_of_care_finds_an_order_with_the_child_still_in_care():
    child = PeriodOfCareFactory().child
    AdoptionPlan.objects.bulk_create(
        [
            plan(
                child=child,
                matched_date=D(2020, 9, 1),
                placed_date=D(2020, 10, 1),
                adoption_order_date=D(2021, 9, 1),
                adopters=AdopterHouseholdFactory(),
            )
        ]
    )
    assert len(invariants.adoption_orders_end_the_period_of_care()) == 1


def test_previous_permanence_after_birth_finds_an_order_before_birth():
    PreviousPermanence.objects.bulk_create(
        [PreviousPermanenceFactory.build(child=ChildFactory(), order_date=D(2001, 1, 1))]
    )
    assert len(invariants.previous_permanence_after_birth()) == 1


def test_events_show_each_step_to_adoption():
    child = adopted_child()
    AdoptionPlanFactory(
        child=child,
        placement_order_date=D(2020, 6, 1),
        matched_date=D(2020, 9, 1),
        placed_date=D(2020, 10, 1),
        adoption_order_date=D(2021, 9, 1),
        adopters=AdopterHouseholdFactory(),
    )
    AdoptionPlanFactory()
    found = list(chronology_for(child, lines=LINES))
    assert [e.title for e in found] == [
        "Adoption order made",
        "Placed for adoption",
        "Matched with adopters",
        "Placement order made",
        "Decision that the child should be placed for adoption",
    ]
    assert all(e.significant for e in found)
