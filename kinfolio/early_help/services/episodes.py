"""Early help episodes: starting one, its early help assessment, stepping down into one
from social care, stepping up from one to a referral, and closing one with its outcome.

Step-down from a child in need or child protection plan is the early help side of
ending that plan: the 2012 inspection found step-down "not robust" (Ofsted, 2012), so a
step-down is refused without a written step-down plan (what carries on, and who does
what) and a named receiving practitioner who will lead the early help.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio import codesets
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates, set_childs_voice
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.people.models import Person
from kinfolio.referrals.models import CINEpisode
from kinfolio.referrals.services import referrals
from kinfolio.workforce.models import Team, Worker

# The team type (``codesets.TEAM_TYPE``) of the council's early help teams: early help is
# led from them, and a referral steps up to social care out of them.
EARLY_HELP_TEAM = "early_help"


def refuse_unless_early_help_practitioner(worker: Worker, field: str) -> None:
    """Early help is led by a practitioner of an early help team who is not leaving."""
    if worker.team.team_type != EARLY_HELP_TEAM:
        raise ValidationError({field: f"{worker.full_name} is not in an early help team"})
    if worker.end_date is not None:
        raise ValidationError(
            {
                field: f"{worker.full_name} leaves on {worker.end_date:%-d %B %Y}: select "
                "a practitioner who is staying"
            }
        )


def _open_episode_check(child: Person) -> None:
    if EarlyHelpEpisode.objects.filter(child=child, end_date__isnull=True).exists():
        raise ValidationError({"start_date": "This child already has an open early help episode"})


def start_episode(
    *,
    child: Person,
    start_date: dt.date,
    team: Team,
    lead_practitioner: Worker | None = None,
    by,
) -> EarlyHelpEpisode:
    """Open early help for a child (from a front door decision or a family's request)."""
    if start_date is None:
        raise ValidationError({"start_date": "Enter the date early help started"})
    if team.team_type != EARLY_HELP_TEAM:
        raise ValidationError({"team": f"{team} is not an early help team"})
    if lead_practitioner is not None:
        refuse_unless_early_help_practitioner(lead_practitioner, "lead_practitioner")
    refuse_future_dates(start_date=start_date)
    _open_episode_check(child)
    episode = EarlyHelpEpisode(
        child=child, start_date=start_date, team=team, lead_practitioner=lead_practitioner
    )
    return create_record(instance=episode, by=by, child=child)


def step_down(
    *,
    cin_episode: CINEpisode,
    start_date: dt.date,
    step_down_plan: str,
    receiving_practitioner: Worker | None,
    by,
) -> EarlyHelpEpisode:
    """Step a child down from social care (their child in need episode, and any child
    protection or child in need plan in it) into early help, led by the named
    receiving practitioner in their team, following the step-down plan."""
    errors = {}
    if not (step_down_plan or "").strip():
        errors["step_down_plan"] = (
            "Enter the step-down plan: what carries on from social care's plan and who does it"
        )
    if receiving_practitioner is None:
        errors["receiving_practitioner"] = (
            "Select the early help practitioner who will receive the family"
        )
    if start_date is None:
        errors["start_date"] = "Enter the date early help starts"
    if errors:
        raise ValidationError(errors)
    refuse_unless_early_help_practitioner(receiving_practitioner, "receiving_practitioner")
    refuse_future_dates(start_date=start_date)
    _open_episode_check(cin_episode.child)
    episode = EarlyHelpEpisode(
        child=cin_episode.child,
        start_date=start_date,
        team=receiving_practitioner.team,
        lead_practitioner=receiving_practitioner,
        stepped_down_from=cin_episode,
        step_down_plan=step_down_plan.strip(),
    )
    return create_record(instance=episode, by=by, child=cin_episode.child)


def refuse_if_closed(episode: EarlyHelpEpisode) -> None:
    if episode.end_date is not None:
        raise ValidationError("This early help episode is already closed")


def record_assessment(
    *,
    episode: EarlyHelpEpisode,
    assessment_date: dt.date,
    assessment_summary: str,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    opened_version: int | None = None,
    by,
) -> EarlyHelpEpisode:
    """The early help assessment: its date, what it found (needs and strengths) and the
    child's voice (their views, or why not and an explanation)."""
    refuse_if_closed(episode)
    errors = {}
    if assessment_date is None:
        errors["assessment_date"] = "Enter the date of the early help assessment"
    elif assessment_date < episode.start_date:
        errors["assessment_date"] = "The assessment date must be on or after early help started"
    if not (assessment_summary or "").strip():
        errors["assessment_summary"] = "Enter what the assessment found"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(assessment_date=assessment_date)
    with edit_record(
        instance=episode, by=by, opened_version=opened_version, child=episode.child
    ) as row:
        row.assessment_date, row.assessment_summary = assessment_date, assessment_summary.strip()
        set_childs_voice(
            row,
            childs_views=childs_views,
            childs_views_not_recorded_code=childs_views_not_recorded_code,
            childs_views_not_recorded_reason=childs_views_not_recorded_reason,
        )
    return episode


def step_up_to_referral(
    *,
    episode: EarlyHelpEpisode,
    referral_date: dt.date,
    referral_source: str,
    team: Team | None,
    opened_version: int | None = None,
    by,
) -> CINEpisode:
    """Refer the child to children's social care from early help: the referral opens
    their child in need episode (with the team taking it) and early help closes that
    day as "stepped up", linked to it. Both or neither."""
    refuse_if_closed(episode)
    if team is None:
        raise ValidationError({"team": "Select the team taking the referral"})
    if team.team_type == EARLY_HELP_TEAM:
        raise ValidationError(
            {"team": "A referral steps up to a social care team, not an early help team"}
        )
    if referral_date is not None and referral_date < episode.start_date:
        raise ValidationError(
            {"referral_date": "The referral must be on or after early help started"}
        )
    with transaction.atomic():
        referral = referrals.open_referral(
            child=episode.child,
            referral_date=referral_date,
            referral_source=referral_source,
            team=team,
            by=by,
        )
        step_up(episode=episode, referral=referral, opened_version=opened_version, by=by)
    return referral


def step_up(
    *,
    episode: EarlyHelpEpisode,
    referral: CINEpisode,
    opened_version: int | None = None,
    by,
) -> EarlyHelpEpisode:
    """Early help steps up to children's social care: the episode closes on the day of
    the referral, with "stepped up" as its outcome, linked to the referral it became
    (``referrals.services.referrals.open_referral`` opens that referral)."""
    if referral.child_id != episode.child_id:
        raise ValidationError({"referral": "The referral is for a different child"})
    if referral.referral_date < episode.start_date:
        raise ValidationError(
            {"referral": "Early help can only step up to a referral made after it started"}
        )
    with transaction.atomic():
        refuse_if_closed(episode)
        with edit_record(
            instance=episode, by=by, opened_version=opened_version, child=episode.child
        ) as row:
            row.end_date = referral.referral_date
            row.closure_reason = "stepped_up"
            row.stepped_up_to = referral
    return episode


def close_episode(
    *,
    episode: EarlyHelpEpisode,
    end_date: dt.date,
    closure_reason: str,
    opened_version: int | None = None,
    by,
) -> EarlyHelpEpisode:
    """Close early help with its outcome (``EARLY_HELP_CLOSURE_REASON``); "stepped up"
    only comes from ``step_up``, linked to its referral."""
    errors = {}
    if end_date is None:
        errors["end_date"] = "Enter the date early help ended"
    if codesets.EARLY_HELP_CLOSURE_REASON.get(closure_reason or "") is None:
        errors["closure_reason"] = "Select the outcome of early help"
    elif closure_reason == "stepped_up":
        errors["closure_reason"] = "To step up, refer the child to social care from early help"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(end_date=end_date)
    with transaction.atomic():
        refuse_if_closed(episode)
        with edit_record(
            instance=episode, by=by, opened_version=opened_version, child=episode.child
        ) as row:
            row.end_date, row.closure_reason = end_date, closure_reason
    return episode
