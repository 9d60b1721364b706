import pytest

from kinfolio.accounts.models import Role
from kinfolio.protection.models import CoreGroupMeeting, PlanAction, PlanOutcome
from kinfolio.protection.services import core_groups, plan_actions, plans
from tests.factories import (
    ChildProtectionPlanFactory,
    CINPlanFactory,
    D,
    ReviewConferenceFactory,
)
from tests.factories_accounts import staff
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return staff(Role.SOCIAL_WORKER)


def test_end_plan_as_no_longer_at_risk_is_refused_without_a_review_decision(user):
    plan = ChildProtectionPlanFactory()

    assert_refused(
        lambda: plans.end_plan(
            plan=plan,
            end_date=D(2024, 7, 1),
            end_reason="no_longer_at_risk",
            opened_version=1,
            by=user,
        ),
        message="only when a review conference decides the child no longer needs it",
        unchanged=[plan],
    )


def test_end_plan_after_the_review_conference_decided_so(user):
    plan = ChildProtectionPlanFactory()
    ReviewConferenceFactory(
        cp_plan=plan, conference_date=D(2024, 6, 20), plan_required=False, category_of_abuse=""
    )

    plans.end_plan(
        plan=plan,
        end_date=D(2024, 6, 20),
        end_reason="no_longer_at_risk",
        opened_version=1,
        by=user,
    )

    plan.refresh_from_db()
    assert (plan.end_date, plan.end_reason, plan.version) == (
        D(2024, 6, 20),
        "no_longer_at_risk",
        2,
    )


def test_end_plan_when_the_child_became_looked_after_needs_no_review(user):
    plan = ChildProtectionPlanFactory()

    plans.end_plan(
        plan=plan, end_date=D(2024, 5, 2), end_reason="looked_after", opened_version=1, by=user
    )

    plan.refresh_from_db()
    assert plan.end_reason == "looked_after"


def test_end_plan_needs_a_reason(user):
    plan = ChildProtectionPlanFactory()

    assert_refused(
        lambda: plans.end_plan(
            plan=plan, end_date=D(2024, 5, 2), end_reason="", opened_version=1, by=user
        ),
        message="Select why the plan ended",
        unchanged=[plan],
    )


@pytest.mark.parametrize("make_plan", [ChildProtectionPlanFactory, CINPlanFactory])
def test_outcomes_and_actions_with_owners_and_dates(user, make_plan):
    plan = make_plan()

    outcome = plan_actions.add_outcome(plan=plan, outcome="Sam is safe at home", by=user)
    action = plan_actions.add_action(
        outcome=outcome, action="Parenting course", owner="Mum", due_date=D(2024, 6, 1), by=user
    )
    plan_actions.complete_action(
        action=action, completed_on=D(2024, 5, 20), opened_version=1, by=user
    )

    action.refresh_from_db()
    assert outcome.plan == plan
    assert action.completed_on == D(2024, 5, 20)


def test_add_action_needs_an_owner(user):
    outcome = plan_actions.add_outcome(
        plan=ChildProtectionPlanFactory(), outcome="Sam is safe", by=user
    )

    assert_refused(
        lambda: plan_actions.add_action(
            outcome=outcome, action="Course", owner="", due_date=D(2024, 6, 1), by=user
        ),
        message="Enter who will do it",
        counted=[PlanAction],
    )


def test_add_outcome_to_an_ended_plan_is_refused(user):
    plan = ChildProtectionPlanFactory(end_date=D(2024, 5, 2), end_reason="looked_after")

    assert_refused(
        lambda: plan_actions.add_outcome(plan=plan, outcome="Too late", by=user),
        message="The plan has ended",
        counted=[PlanOutcome],
    )


def test_record_meeting_while_the_plan_is_in_place(user):
    plan = ChildProtectionPlanFactory()

    meeting = core_groups.record_meeting(
        plan=plan,
        meeting_date=D(2024, 4, 5),
        attendees="Social worker, health visitor, mum",
        notes="Actions reviewed.",
        by=user,
    )

    assert meeting.plan == plan


def test_record_meeting_before_the_plan_is_refused(user):
    plan = ChildProtectionPlanFactory()

    assert_refused(
        lambda: core_groups.record_meeting(
            plan=plan, meeting_date=D(2024, 3, 1), attendees="Everyone", notes="", by=user
        ),
        message="must be while the plan is in place",
        counted=[CoreGroupMeeting],
    )
