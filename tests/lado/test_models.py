"""Allegations against people who work with children: constraints, the whole-history
check and chronology."""

import pytest

from kinfolio.chronology.selectors import chronology_for
from kinfolio.lado import invariants
from kinfolio.lado.chronology import LINES
from tests.factories_care import (
    AllegationFactory,
    ChildFactory,
    D,
    WorkerFactory,
    assert_allowed,
    assert_constraint_refuses,
)

pytestmark = pytest.mark.django_db

MEETING = "Give the date of the strategy meeting, or the reason one was not held."
CLOSED = "An allegation is closed with an outcome, once the strategy meeting decision is"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"strategy_meeting_held": True, "strategy_meeting_date": D(2021, 1, 20)},
            "The strategy meeting cannot be before the allegation was received.",
        ),
        (
            {
                "closed_on": D(2021, 1, 20),
                "outcome": "unfounded",
                "strategy_meeting_held": False,
                "strategy_meeting_not_held_reason": "Threshold not met",
            },
            "The allegation cannot be closed before it was received.",
        ),
        (
            {
                "strategy_meeting_held": True,
                "strategy_meeting_date": D(2021, 3, 1),
                "closed_on": D(2021, 2, 20),
                "outcome": "unfounded",
            },
            "The allegation cannot be closed before the strategy meeting.",
        ),
        ({"strategy_meeting_held": True}, MEETING),
        ({"strategy_meeting_held": False}, MEETING),
        (
            {
                "strategy_meeting_held": False,
                "strategy_meeting_date": D(2021, 2, 3),
                "strategy_meeting_not_held_reason": "Not needed",
            },
            MEETING,
        ),
        ({"strategy_meeting_date": D(2021, 2, 3)}, MEETING),
        ({"strategy_meeting_not_held_reason": "Not needed"}, MEETING),
        ({"outcome": "substantiated"}, CLOSED),
        (
            {
                "closed_on": D(2021, 3, 1),
                "strategy_meeting_held": True,
                "strategy_meeting_date": D(2021, 2, 3),
            },
            CLOSED,
        ),
        ({"closed_on": D(2021, 3, 1), "outcome": "unfounded"}, CLOSED),
    ],
)
def test_allegation_constraint_refuses(fields, message):
    assert_constraint_refuses(AllegationFactory.build(**fields), message)


def test_allegation_about_the_child_themselves_refused():
    child = ChildFactory()
    allegation = AllegationFactory.build(child=child, subject=child)
    assert_constraint_refuses(allegation, "The person the allegation is about cannot be the child.")


def test_new_allegation_allowed():
    assert_allowed(
        AllegationFactory.build(child=ChildFactory(), subject=ChildFactory(is_child_subject=False))
    )


def test_allegation_closed_after_a_strategy_meeting_allowed():
    assert_allowed(
        AllegationFactory.build(
            strategy_meeting_held=True,
            strategy_meeting_date=D(2021, 2, 3),
            closed_on=D(2021, 4, 1),
            outcome="substantiated",
            designated_officer=WorkerFactory(),
        )
    )


def test_allegation_closed_without_a_meeting_with_the_reason_allowed():
    assert_allowed(
        AllegationFactory.build(
            strategy_meeting_held=False,
            closed_on=D(2021, 2, 10),
            outcome="unfounded",
            strategy_meeting_not_held_reason="Information showed the adult was not present.",
        )
    )


def test_allegations_about_a_child_after_their_birth_finds_one_before_birth():
    AllegationFactory(child=ChildFactory())
    assert invariants.allegations_about_a_child_after_their_birth() == []
    AllegationFactory(child=ChildFactory(date_of_birth=D(2022, 1, 1)))
    assert len(invariants.allegations_about_a_child_after_their_birth()) == 1


def test_events_show_the_allegation_about_the_child():
    child = ChildFactory()
    AllegationFactory(
        child=child,
        strategy_meeting_held=True,
        strategy_meeting_date=D(2021, 2, 3),
        closed_on=D(2021, 4, 1),
        outcome="unsubstantiated",
    )
    AllegationFactory(child=ChildFactory())
    assert [e.title for e in chronology_for(child, lines=LINES)] == [
        "Allegation closed",
        "LADO strategy meeting",
        "Allegation against a person working with children",
    ]
