"""Referrals: opening the child in need episode a referral starts, and closing it.

A referral opens an episode (the CIN census counts it); the episode closes with one of
the DfE's reasons (RC1–RC9). A referral that goes no further (``referral_nfa``) closes
without an assessment; an episode with a current plan cannot close until the plan ends.
"""

import datetime as dt

from django.core.exceptions import ValidationError

from kinfolio import codesets
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates
from kinfolio.front_door.models import Contact
from kinfolio.people.models import Person
from kinfolio.referrals.models import CINEpisode
from kinfolio.workforce.models import Team, Worker


def open_referral(
    *,
    child: Person,
    referral_date: dt.date,
    referral_source: str,
    team: Team,
    primary_need: str = "",
    worker: Worker | None = None,
    contact: Contact | None = None,
    by,
) -> CINEpisode:
    """Accept a referral: it opens the child's child in need episode."""
    refuse_future_dates(referral_date=referral_date)
    if not referral_source:
        raise ValidationError({"referral_source": "Select the source of the referral"})
    episode = CINEpisode(
        child=child,
        contact=contact,
        referral_date=referral_date,
        referral_source=referral_source,
        primary_need=primary_need,
        team=team,
        worker=worker,
    )
    if child.cin_episodes.filter(close_date__isnull=True).exists():
        raise ValidationError(
            {"referral_date": "This child already has an open child in need episode"}
        )
    return create_record(instance=episode, by=by, child=child)


def close_episode(
    *,
    episode: CINEpisode,
    close_date: dt.date,
    reason: str,
    referral_nfa: bool = False,
    opened_version: int | None = None,
    by,
) -> CINEpisode:
    """Close the episode with its reason; ``referral_nfa`` records that the referral
    itself went no further (no assessment was started)."""
    errors = {}
    if codesets.CIN_CLOSURE_REASON.get(reason) is None:
        errors["reason"] = "Select the reason the case is closing"
    if close_date is None:
        errors["close_date"] = "Enter the date the case closed"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(close_date=close_date)
    with edit_record(
        instance=episode, by=by, opened_version=opened_version, child=episode.child
    ) as row:
        _refuse_closing(row, close_date=close_date, referral_nfa=referral_nfa)
        row.close_date, row.close_reason, row.nfa = close_date, reason, referral_nfa
    return episode


def _refuse_closing(episode: CINEpisode, *, close_date: dt.date, referral_nfa: bool) -> None:
    if not episode.is_open:
        raise ValidationError({"close_date": "This child in need episode is already closed"})
    if close_date < episode.referral_date:
        raise ValidationError(
            {"close_date": "The date the case closed must be on or after the referral date"}
        )
    if referral_nfa and episode.assessments.exists():
        raise ValidationError(
            {
                "reason": "An assessment was started, so the referral itself was not no further "
                "action: close the case with the assessment's outcome"
            }
        )
    if episode.cin_plans.filter(end_date__isnull=True).exists():
        raise ValidationError({"close_date": "End the child in need plan before closing the case"})
    if episode.cp_plans.filter(end_date__isnull=True).exists():
        raise ValidationError(
            {"close_date": "End the child protection plan before closing the case"}
        )
    if episode.assessments.filter(authorised_date__isnull=True).exists():
        raise ValidationError(
            {"close_date": "Complete or authorise the open assessment before closing the case"}
        )
