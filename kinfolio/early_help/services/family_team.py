"""The team around the family (TAF): its lead practitioner, its members from other
agencies, and its reviews of the early help plan with the child's voice.

All of these are refused once early help has closed: a closed episode's team and
reviews are its history.
"""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio import codesets
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates, set_childs_voice
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview, FamilyTeamMember
from kinfolio.early_help.services.episodes import (
    refuse_if_closed,
    refuse_unless_early_help_practitioner,
)
from kinfolio.workforce.models import Worker


def set_lead_practitioner(
    *,
    episode: EarlyHelpEpisode,
    lead_practitioner: Worker | None,
    opened_version: int | None = None,
    by,
) -> EarlyHelpEpisode:
    """Name (or change) the practitioner who leads the team around the family."""
    refuse_if_closed(episode)
    if lead_practitioner is None:
        raise ValidationError({"lead_practitioner": "Select the lead practitioner"})
    refuse_unless_early_help_practitioner(lead_practitioner, "lead_practitioner")
    with edit_record(
        instance=episode, by=by, opened_version=opened_version, child=episode.child
    ) as row:
        row.lead_practitioner = lead_practitioner
    return episode


def add_member(
    *,
    episode: EarlyHelpEpisode,
    name: str,
    agency: str,
    role: str = "",
    joined_on: dt.date,
    by,
) -> FamilyTeamMember:
    """Add a practitioner from an agency to the team around the family."""
    refuse_if_closed(episode)
    errors = {}
    if not (name or "").strip():
        errors["name"] = "Enter the member's name"
    if codesets.MEETING_AGENCY.get(agency or "") is None:
        errors["agency"] = "Select the member's agency"
    if joined_on is None:
        errors["joined_on"] = "Enter the date they joined the team"
    elif joined_on < episode.start_date:
        errors["joined_on"] = "The date they joined must be on or after early help started"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(joined_on=joined_on)
    member = FamilyTeamMember(
        episode=episode,
        name=name.strip(),
        agency=agency,
        role=(role or "").strip(),
        joined_on=joined_on,
    )
    return create_record(instance=member, by=by, child=episode.child)


def record_review(
    *,
    episode: EarlyHelpEpisode,
    review_date: dt.date,
    summary: str,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    by,
) -> EarlyHelpReview:
    """The team around the family reviewed the plan: what it found, with the child's
    voice (their views, or why not and an explanation)."""
    refuse_if_closed(episode)
    errors = {}
    if review_date is None:
        errors["review_date"] = "Enter the date of the review"
    if not (summary or "").strip():
        errors["summary"] = "Enter what the review found"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(review_date=review_date)
    review = EarlyHelpReview(episode=episode, review_date=review_date, summary=summary.strip())
    set_childs_voice(
        review,
        childs_views=childs_views,
        childs_views_not_recorded_code=childs_views_not_recorded_code,
        childs_views_not_recorded_reason=childs_views_not_recorded_reason,
    )
    return create_record(instance=review, by=by, child=episode.child)
