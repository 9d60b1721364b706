"""Visits to a child: whether they were seen, seen alone, and what they said.

Every visit records the child's voice (their views, or why they are not recorded);
a visit where the child was not seen says so with the reason "not seen".
"""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio import codesets
from kinfolio.casework.models import Visit
from kinfolio.core.writes import create_record, refuse_future_dates, set_childs_voice
from kinfolio.people.models import Person
from kinfolio.protection.models import ChildProtectionPlan
from kinfolio.referrals.models import CINPlan
from kinfolio.workforce.models import Worker

NOT_SEEN = "not_seen"


def record_visit(
    *,
    child: Person,
    kind: str,
    visit_date: dt.date,
    worker: Worker,
    seen: bool,
    seen_alone: bool,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    cp_plan: ChildProtectionPlan | None = None,
    cin_plan: CINPlan | None = None,
    by,
) -> Visit:
    """Record a visit made to the child."""
    errors = {}
    if codesets.VISIT_TYPE.get(kind) is None:
        errors["kind"] = "Select the type of visit"
    if visit_date is None:
        errors["visit_date"] = "Enter the date of the visit"
    if seen_alone and not seen:
        errors["seen_alone"] = "A child seen alone must also be recorded as seen"
    if not seen and not childs_views.strip() and childs_views_not_recorded_code != NOT_SEEN:
        errors["childs_views_not_recorded_code"] = (
            "The child was not seen: select 'The child was not seen' and explain why"
        )
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(visit_date=visit_date)
    visit = Visit(
        child=child,
        kind=kind,
        visit_date=visit_date,
        worker=worker,
        seen=seen,
        seen_alone=seen_alone,
        cp_plan=cp_plan,
        cin_plan=cin_plan,
    )
    set_childs_voice(
        visit,
        childs_views=childs_views,
        childs_views_not_recorded_code=childs_views_not_recorded_code,
        childs_views_not_recorded_reason=childs_views_not_recorded_reason,
    )
    return create_record(instance=visit, by=by, child=child)
