"""Child protection plans: started by the conference that decided on one, ended with a
reason.

A plan ends because a review conference decided the child no longer needs it (no
longer at risk, or stepped down to a child in need plan), or because the child's
circumstances ended it (looked after, moved away, 18, died): the first two are refused
without that review conference's decision.
"""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio.core.writes import create_record, edit_record, refuse_future_dates
from kinfolio.protection.models import ChildProtectionConference, ChildProtectionPlan
from kinfolio.protection.models.plans import CPPlanEndReason

NEEDS_REVIEW_DECISION = (CPPlanEndReason.NO_LONGER_AT_RISK, CPPlanEndReason.STEPPED_DOWN_CIN)


def start_from_conference(*, conference: ChildProtectionConference, by) -> ChildProtectionPlan:
    """The plan an initial or transfer-in conference decided on, from its date, with the
    child's views given to the conference as the plan's first record of them. Called by
    ``conference_decisions.record_decision`` inside its transaction."""
    episode = (
        conference.section47.cin_episode
        if conference.section47_id
        else conference.child.cin_episodes.filter(close_date__isnull=True).first()
    )
    if episode is None or not episode.is_open:
        raise ValidationError("The child has no open child in need episode for the plan")
    if conference.child.cp_plans.filter(end_date__isnull=True).exists():
        raise ValidationError("This child already has a current child protection plan")
    plan = ChildProtectionPlan(
        child=conference.child,
        cin_episode=episode,
        initial_conference=conference,
        start_date=conference.conference_date,
        initial_category=conference.category_of_abuse,
        latest_category=conference.category_of_abuse,
        childs_views=conference.childs_views,
        childs_views_not_recorded_code=conference.childs_views_not_recorded_code,
        childs_views_not_recorded_reason=conference.childs_views_not_recorded_reason,
    )
    return create_record(instance=plan, by=by, child=conference.child)


def end_plan(
    *,
    plan: ChildProtectionPlan,
    end_date: dt.date,
    end_reason: str,
    opened_version: int | None,
    by,
) -> ChildProtectionPlan:
    """End the plan with its reason."""
    errors = {}
    if end_date is None:
        errors["end_date"] = "Enter the date the plan ended"
    if end_reason not in CPPlanEndReason.values:
        errors["end_reason"] = "Select why the plan ended"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(end_date=end_date)
    if not plan.is_current:
        raise ValidationError("This plan has already ended")
    if end_date < plan.start_date:
        raise ValidationError({"end_date": "The date the plan ended must be after it started"})
    if end_reason in NEEDS_REVIEW_DECISION:
        decided = plan.review_conferences.filter(
            plan_required=False, conference_date__lte=end_date
        ).exists()
        if not decided:
            raise ValidationError(
                {
                    "end_reason": "A plan ends for this reason only when a review conference "
                    "decides the child no longer needs it: record that decision first"
                }
            )
    with edit_record(instance=plan, by=by, opened_version=opened_version, child=plan.child) as row:
        row.end_date, row.end_reason = end_date, end_reason
    return plan
