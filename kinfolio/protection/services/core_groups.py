"""Core group meetings: the professionals and family carrying out a child protection
plan, meeting while it lasts (the first within 10 working days of the conference, a
clock the timescales engine runs from the plan's start)."""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio.core.writes import create_record, refuse_future_dates
from kinfolio.protection.models import ChildProtectionPlan, CoreGroupMeeting


def record_meeting(
    *, plan: ChildProtectionPlan, meeting_date: dt.date, attendees: str, notes: str, by
) -> CoreGroupMeeting:
    """Record a core group meeting held while the plan is in place."""
    errors = {}
    if meeting_date is None:
        errors["meeting_date"] = "Enter the date of the meeting"
    if not attendees.strip():
        errors["attendees"] = "Enter who took part, and for which agency"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(meeting_date=meeting_date)
    meeting = CoreGroupMeeting(
        plan=plan, meeting_date=meeting_date, attendees=attendees.strip(), notes=notes.strip()
    )
    return create_record(instance=meeting, by=by, child=plan.child)
