"""Section 47 enquiries: started from the strategy discussion that decided on one, and
completed with an outcome.

Ofsted's 2012 report's first recommendation was that an enquiry never start without
a strategy discussion, or without a recorded reason for not holding one: ``start``
refuses it. The initial conference's due date comes from the timescales engine.
"""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio import codesets
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates
from kinfolio.protection.models import Section47Enquiry, StrategyDiscussion
from kinfolio.protection.models.enquiries import S47
from kinfolio.referrals.models import CINEpisode
from kinfolio.timescales.services import due_date
from kinfolio.workforce.models import Worker

ICPC_RULE = "icpc_15wd"
NO_STRATEGY_DISCUSSION = (
    "A section 47 enquiry cannot start without a strategy discussion. Select the strategy "
    "discussion that decided on it, or enter why one was not held"
)


def icpc_clock_start(enquiry: Section47Enquiry) -> dt.date:
    """The day the initial conference's clock starts: the strategy discussion that
    started the enquiry; without one (its absence explained), the enquiry's own start,
    the first day the threshold was acted on."""
    if enquiry.strategy_discussion_id:
        return enquiry.strategy_discussion.discussion_date
    return enquiry.start_date


def start(
    *,
    episode: CINEpisode,
    start_date: dt.date,
    strategy_discussion: StrategyDiscussion | None = None,
    no_strategy_reason: str = "",
    worker: Worker | None = None,
    by,
) -> Section47Enquiry:
    """Start a section 47 enquiry from its strategy discussion (or the reason there was none)."""
    if start_date is None:
        raise ValidationError({"start_date": "Enter the date the enquiry started"})
    if strategy_discussion is None and not no_strategy_reason.strip():
        raise ValidationError({"strategy_discussion": NO_STRATEGY_DISCUSSION})
    if strategy_discussion is not None and (
        not strategy_discussion.held or strategy_discussion.decision != S47
    ):
        raise ValidationError(
            {
                "strategy_discussion": "That strategy discussion did not decide on a section 47 "
                "enquiry"
            }
        )
    refuse_future_dates(start_date=start_date)
    if not episode.is_open:
        raise ValidationError({"start_date": "The child in need episode is closed"})
    if episode.child.section47_enquiries.filter(end_date__isnull=True).exists():
        raise ValidationError({"start_date": "This child already has an open section 47 enquiry"})
    enquiry = Section47Enquiry(
        child=episode.child,
        cin_episode=episode,
        strategy_discussion=strategy_discussion,
        no_strategy_reason="" if strategy_discussion else no_strategy_reason.strip(),
        start_date=start_date,
        worker=worker,
    )
    enquiry.icpc_due_date = due_date(ICPC_RULE, icpc_clock_start(enquiry))
    return create_record(instance=enquiry, by=by, child=episode.child)


def complete(
    *,
    enquiry: Section47Enquiry,
    end_date: dt.date,
    outcome: str,
    summary: str,
    opened_version: int | None,
    by,
) -> Section47Enquiry:
    """Complete the enquiry with its outcome (an initial conference, a child in need
    plan, or no further action) and what it found."""
    errors = {}
    if end_date is None:
        errors["end_date"] = "Enter the date the enquiry was completed"
    if codesets.S47_OUTCOME.get(outcome) is None:
        errors["outcome"] = "Select the outcome of the enquiry"
    if not summary.strip():
        errors["summary"] = "Enter what the enquiry found"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(end_date=end_date)
    if end_date < enquiry.start_date:
        raise ValidationError(
            {"end_date": "The date completed must be on or after the enquiry started"}
        )
    with edit_record(
        instance=enquiry, by=by, opened_version=opened_version, child=enquiry.child
    ) as row:
        if row.end_date is not None:
            raise ValidationError("This enquiry has already been completed")
        row.end_date, row.outcome, row.summary = end_date, outcome, summary.strip()
    return enquiry
