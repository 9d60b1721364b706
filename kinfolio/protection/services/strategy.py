"""Strategy discussions: who took part, for which agency, and what they decided.

Working Together 2023 requires children's social care, the police and health at a
strategy discussion; a discussion recorded without one of them is refused.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio import codesets
from kinfolio.core.writes import create_record, refuse_future_dates
from kinfolio.protection.models import StrategyDiscussion, StrategyDiscussionAttendee
from kinfolio.referrals.models import CINEpisode
from kinfolio.workforce.models import Worker

REQUIRED_AGENCIES = ("social_care", "police", "health")


@dataclass(frozen=True)
class Attendee:
    name: str
    agency: str
    role: str = ""


def record_discussion(
    *,
    episode: CINEpisode,
    discussion_date: dt.date,
    attendees: Sequence[Attendee],
    decision: str,
    chair: Worker | None = None,
    by,
) -> StrategyDiscussion:
    """Record a strategy discussion that was held, with its attendees and decision."""
    _check(episode, discussion_date, attendees, decision)
    discussion = StrategyDiscussion(
        child=episode.child,
        cin_episode=episode,
        discussion_date=discussion_date,
        held=True,
        decision=decision,
        chair=chair,
        attendee_agencies=", ".join(
            sorted({codesets.MEETING_AGENCY.label(a.agency) for a in attendees})
        ),
    )
    with transaction.atomic():
        create_record(instance=discussion, by=by, child=episode.child)
        for attendee in attendees:
            create_record(
                instance=StrategyDiscussionAttendee(
                    discussion=discussion,
                    name=attendee.name.strip(),
                    agency=attendee.agency,
                    role=attendee.role.strip(),
                ),
                by=by,
                child=episode.child,
            )
    return discussion


def _check(episode, discussion_date, attendees, decision) -> None:
    errors = {}
    if discussion_date is None:
        errors["discussion_date"] = "Enter the date of the strategy discussion"
    if codesets.STRATEGY_DECISION.get(decision) is None:
        errors["decision"] = "Select the decision of the strategy discussion"
    if any(not a.name.strip() for a in attendees):
        errors["attendees"] = "Enter the name of each person who attended"
    elif any(codesets.MEETING_AGENCY.get(a.agency) is None for a in attendees):
        errors["attendees"] = "Select the agency of each person who attended"
    else:
        present = {a.agency for a in attendees}
        missing = [agency for agency in REQUIRED_AGENCIES if agency not in present]
        if missing:
            names = " and ".join(
                codesets.MEETING_AGENCY.label(agency).lower() for agency in missing
            )
            errors["attendees"] = (
                f"Add who attended from {names}: a strategy discussion needs children's "
                "social care, the police and health"
            )
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(discussion_date=discussion_date)
    if not episode.is_open:
        raise ValidationError({"discussion_date": "The child in need episode is closed"})
