"""Child in need plans: started with the child's views, reviewed, ended with a reason.

A plan that ends by stepping down to early help hands over to an early help episode
(the early help services record the step-down plan and the receiving practitioner).
"""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio import codesets
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates, set_childs_voice
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview
from kinfolio.workforce.models import Worker


def start_plan(
    *,
    episode: CINEpisode,
    start_date: dt.date,
    worker: Worker | None = None,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    by,
) -> CINPlan:
    """Start a child in need plan in an open episode."""
    if start_date is None:
        raise ValidationError({"start_date": "Enter the date the plan started"})
    refuse_future_dates(start_date=start_date)
    if not episode.is_open:
        raise ValidationError({"start_date": "The child in need episode is closed"})
    if episode.child.cin_plans.filter(end_date__isnull=True).exists():
        raise ValidationError({"start_date": "This child already has a child in need plan"})
    plan = CINPlan(
        child=episode.child,
        cin_episode=episode,
        start_date=start_date,
        team=episode.team,
        worker=worker,
    )
    set_childs_voice(
        plan,
        childs_views=childs_views,
        childs_views_not_recorded_code=childs_views_not_recorded_code,
        childs_views_not_recorded_reason=childs_views_not_recorded_reason,
    )
    return create_record(instance=plan, by=by, child=episode.child)


def review_plan(
    *,
    plan: CINPlan,
    review_date: dt.date,
    notes: str,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    by,
) -> CINPlanReview:
    """Record a review of the plan with the family, and the child's views on it."""
    if review_date is None:
        raise ValidationError({"review_date": "Enter the date of the review"})
    if not notes.strip():
        raise ValidationError({"notes": "Enter what the review found"})
    refuse_future_dates(review_date=review_date)
    review = CINPlanReview(plan=plan, review_date=review_date, notes=notes.strip())
    set_childs_voice(
        review,
        childs_views=childs_views,
        childs_views_not_recorded_code=childs_views_not_recorded_code,
        childs_views_not_recorded_reason=childs_views_not_recorded_reason,
    )
    return create_record(instance=review, by=by, child=plan.child)


def end_plan(
    *, plan: CINPlan, end_date: dt.date, end_reason: str, opened_version: int | None, by
) -> CINPlan:
    """End the plan with its reason."""
    errors = {}
    if end_date is None:
        errors["end_date"] = "Enter the date the plan ended"
    if codesets.CIN_PLAN_END_REASON.get(end_reason) is None:
        errors["end_reason"] = "Select why the plan ended"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(end_date=end_date)
    if plan.end_date is not None:
        raise ValidationError("This plan has already ended")
    if end_date < plan.start_date:
        raise ValidationError({"end_date": "The date the plan ended must be after it started"})
    with edit_record(instance=plan, by=by, opened_version=opened_version, child=plan.child) as row:
        row.end_date, row.end_reason = end_date, end_reason
    return plan
