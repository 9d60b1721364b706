"""Child and family assessments: started from a referral, written section by section,
sent for a manager's authorisation and authorised with an outcome.

The due date comes from the timescales engine (45 working days from the referral, or
whatever the rule in force says). The authorisation date is the CIN census's
assessment completion date, so only a manager who did not write the assessment may
give it.
"""

import datetime as dt
from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio import codesets
from kinfolio.assessments.models import Assessment, AssessmentFactor
from kinfolio.core.writes import (
    create_record,
    delete_record,
    edit_record,
    refuse_future_dates,
    set_childs_voice,
)
from kinfolio.referrals.models import CINEpisode
from kinfolio.timescales.services import due_date
from kinfolio.workforce.models import Worker

ASSESSMENT_RULE = "assessment_45wd"


def start(*, episode: CINEpisode, start_date: dt.date, worker: Worker | None = None, by):
    """Start an assessment in an open episode; store its due date from the engine."""
    refuse_future_dates(start_date=start_date)
    if not episode.is_open:
        raise ValidationError({"start_date": "The child in need episode is closed"})
    if episode.assessments.filter(authorised_date__isnull=True).exists():
        raise ValidationError({"start_date": "This child already has an assessment in progress"})
    assessment = Assessment(
        child=episode.child,
        cin_episode=episode,
        start_date=start_date,
        worker=worker,
        due_date=due_date(ASSESSMENT_RULE, episode.referral_date),
    )
    return create_record(instance=assessment, by=by, child=episode.child)


def editing(assessment: Assessment, *, by, opened_version):
    """An edit of an assessment still being written (an authorised one is final)."""
    if assessment.authorised_date is not None:
        raise ValidationError("This assessment has been authorised and can no longer be changed")
    return edit_record(
        instance=assessment, by=by, opened_version=opened_version, child=assessment.child
    )


def record_child_seen(
    *,
    assessment: Assessment,
    child_seen: bool,
    child_seen_alone: bool,
    child_seen_date: dt.date | None,
    opened_version: int | None,
    by,
) -> Assessment:
    """Whether, when, and whether alone the child was seen during the assessment."""
    errors = {}
    if child_seen and child_seen_date is None:
        errors["child_seen_date"] = "Enter the date the child was seen"
    if not child_seen and child_seen_alone:
        errors["child_seen_alone"] = "A child seen alone must also be recorded as seen"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(child_seen_date=child_seen_date)
    if child_seen and child_seen_date < assessment.cin_episode.referral_date:
        raise ValidationError(
            {"child_seen_date": "The date the child was seen must be on or after the referral"}
        )
    with editing(assessment, by=by, opened_version=opened_version) as row:
        row.child_seen, row.child_seen_alone = child_seen, child_seen_alone
        row.child_seen_date = child_seen_date if child_seen else None
    return assessment


def record_childs_views(
    *,
    assessment: Assessment,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    opened_version: int | None,
    by,
) -> Assessment:
    """The child's views in their words, or why they could not be gathered."""
    voice = {
        "childs_views": childs_views,
        "childs_views_not_recorded_code": childs_views_not_recorded_code,
        "childs_views_not_recorded_reason": childs_views_not_recorded_reason,
    }
    with editing(assessment, by=by, opened_version=opened_version) as row:
        set_childs_voice(row, **voice)
    return assessment


def record_analysis(
    *, assessment: Assessment, analysis: str, opened_version: int | None, by
) -> Assessment:
    """The worker's analysis: what the information means for the child."""
    if not analysis.strip():
        raise ValidationError({"analysis": "Enter the analysis"})
    with editing(assessment, by=by, opened_version=opened_version) as row:
        row.analysis = analysis.strip()
    return assessment


def record_factors(
    *, assessment: Assessment, factors: Collection[str], opened_version: int | None, by
) -> Assessment:
    """The factors identified (CIN census codes); replaces the ones recorded before."""
    chosen = sorted(set(factors))
    if not chosen:
        raise ValidationError(
            {"factors": "Select the factors identified, or 'No factors identified'"}
        )
    unknown = [code for code in chosen if codesets.ASSESSMENT_FACTORS.get(code) is None]
    if unknown:
        raise ValidationError({"factors": f"Select factors from the list ({', '.join(unknown)})"})
    with transaction.atomic():
        with editing(assessment, by=by, opened_version=opened_version) as row:
            before = set(row.factors.values_list("factor", flat=True))
        for dropped in row.factors.exclude(factor__in=chosen):
            delete_record(instance=dropped, by=by, child=row.child)
        for code in chosen:
            if code not in before:
                create_record(
                    instance=AssessmentFactor(assessment=row, factor=code),
                    by=by,
                    child=row.child,
                )
    return assessment
