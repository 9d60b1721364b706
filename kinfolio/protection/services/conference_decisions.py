"""What a child protection conference decided, and its minutes going out.

The decision is final once recorded: with the child's voice (their views, or why they
are not recorded), whether the child needs a plan and under which category of abuse.
An initial or transfer-in conference that decides on a plan starts it; a review that
continues the plan may change its category.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.core.writes import edit_record, refuse_future_dates, set_childs_voice
from kinfolio.protection.models import ChildProtectionConference
from kinfolio.protection.models.conferences import REVIEW
from kinfolio.protection.services import plans


def record_decision(
    *,
    conference: ChildProtectionConference,
    child_attended: bool,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    plan_required: bool | None,
    category_of_abuse: str,
    opened_version: int | None,
    by,
) -> ChildProtectionConference:
    """Record the conference's decision; a plan decided at an initial or transfer-in
    conference starts on the conference's date."""
    if conference.plan_required is not None:
        raise ValidationError("This conference's decision has already been recorded")
    if conference.conference_date > timezone.localdate():
        raise ValidationError("Record the decision once the conference has been held")
    errors = {}
    if plan_required is None:
        errors["plan_required"] = "Select whether the child needs a child protection plan"
    elif plan_required and codesets.CP_CATEGORY_OF_ABUSE.get(category_of_abuse) is None:
        errors["category_of_abuse"] = "Select the category of abuse"
    if errors:
        raise ValidationError(errors)
    voice = {
        "childs_views": childs_views,
        "childs_views_not_recorded_code": childs_views_not_recorded_code,
        "childs_views_not_recorded_reason": childs_views_not_recorded_reason,
    }
    with transaction.atomic():
        with edit_record(
            instance=conference, by=by, opened_version=opened_version, child=conference.child
        ) as row:
            row.child_attended = child_attended
            set_childs_voice(row, **voice)
            row.plan_required = plan_required
            row.category_of_abuse = category_of_abuse if plan_required else ""
        if row.conference_type == REVIEW:
            if plan_required and row.cp_plan.latest_category != category_of_abuse:
                with edit_record(instance=row.cp_plan, by=by, child=row.child) as plan:
                    plan.latest_category = category_of_abuse
        elif plan_required:
            plans.start_from_conference(conference=row, by=by)
    return conference


def record_minutes(
    *,
    conference: ChildProtectionConference,
    minutes_distributed_on: dt.date,
    opened_version: int | None,
    by,
) -> ChildProtectionConference:
    """The date the chair's minutes were sent to those invited."""
    if minutes_distributed_on is None:
        raise ValidationError(
            {"minutes_distributed_on": "Enter the date the minutes were distributed"}
        )
    if conference.plan_required is None:
        raise ValidationError("Record the conference's decision before its minutes")
    refuse_future_dates(minutes_distributed_on=minutes_distributed_on)
    if minutes_distributed_on < conference.conference_date:
        raise ValidationError(
            {"minutes_distributed_on": "Minutes are distributed on or after the conference"}
        )
    with edit_record(
        instance=conference, by=by, opened_version=opened_version, child=conference.child
    ) as row:
        row.minutes_distributed_on = minutes_distributed_on
    return conference
