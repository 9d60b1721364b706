"""What a plan says: its outcomes for the child and the actions towards them, each
with an owner and a date. Used by child protection and child in need plans alike."""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio.core.writes import create_record, edit_record, refuse_future_dates
from kinfolio.protection.models import ChildProtectionPlan, PlanAction, PlanOutcome
from kinfolio.referrals.models import CINPlan


def add_outcome(*, plan: ChildProtectionPlan | CINPlan, outcome: str, by) -> PlanOutcome:
    """Add an outcome the plan works towards."""
    if not outcome.strip():
        raise ValidationError({"outcome": "Enter the outcome for the child"})
    if plan.end_date is not None:
        raise ValidationError("The plan has ended")
    kind = "cp_plan" if isinstance(plan, ChildProtectionPlan) else "cin_plan"
    return create_record(
        instance=PlanOutcome(**{kind: plan}, outcome=outcome.strip()), by=by, child=plan.child
    )


def add_action(
    *, outcome: PlanOutcome, action: str, owner: str, due_date: dt.date, by
) -> PlanAction:
    """Add an action towards an outcome: what, who will do it, and by when."""
    errors = {}
    if not action.strip():
        errors["action"] = "Enter the action"
    if not owner.strip():
        errors["owner"] = "Enter who will do it"
    if due_date is None:
        errors["due_date"] = "Enter the date it is to be done by"
    if errors:
        raise ValidationError(errors)
    plan = outcome.plan
    if plan.end_date is not None:
        raise ValidationError("The plan has ended")
    if due_date < plan.start_date:
        raise ValidationError({"due_date": "The date must be after the plan started"})
    return create_record(
        instance=PlanAction(
            outcome=outcome, action=action.strip(), owner=owner.strip(), due_date=due_date
        ),
        by=by,
        child=plan.child,
    )


def complete_action(
    *, action: PlanAction, completed_on: dt.date, opened_version: int | None, by
) -> PlanAction:
    """Record that an action was done."""
    if completed_on is None:
        raise ValidationError({"completed_on": "Enter the date it was done"})
    refuse_future_dates(completed_on=completed_on)
    plan = action.outcome.plan
    if completed_on < plan.start_date:
        raise ValidationError({"completed_on": "The date must be after the plan started"})
    with edit_record(
        instance=action, by=by, opened_version=opened_version, child=plan.child
    ) as row:
        row.completed_on = completed_on
    return action
