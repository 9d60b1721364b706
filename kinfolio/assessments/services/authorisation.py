"""Sending an assessment for a manager's authorisation, and the authorisation itself.

The assessment is complete when the child has been seen (or the reason they were not
is recorded with the child's voice), the child's voice is recorded, the analysis is
written and the factors are chosen. A manager other than its author authorises it with
the outcome; the authorisation date is the census's completion date and stops the
assessment's clock.
"""

import datetime as dt
from collections.abc import Collection

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.assessments.models import Assessment
from kinfolio.assessments.services.assessments import editing
from kinfolio.core.voice import validate_childs_voice
from kinfolio.core.writes import refuse_future_dates
from kinfolio.notifications.models import NotificationKind
from kinfolio.notifications.services import notify

OUTCOMES = {
    "nfa": "outcome_nfa",
    "cin_plan": "outcome_cin_plan",
    "strategy_discussion": "outcome_strategy_discussion",
    "other": "outcome_other",
}
NOT_SEEN = "not_seen"


def missing_sections(assessment: Assessment) -> dict[str, str]:
    """What still has to be recorded before the assessment can go for authorisation,
    keyed by the section (the task list and check-your-answers pages show these)."""
    missing = {}
    if not assessment.child_seen and assessment.childs_views_not_recorded_code != NOT_SEEN:
        missing["child_seen"] = (
            "Record that the child was seen, or under the child's views that they were not "
            "seen and why"
        )
    try:
        validate_childs_voice(
            views=assessment.childs_views,
            not_recorded_code=assessment.childs_views_not_recorded_code,
            not_recorded_reason=assessment.childs_views_not_recorded_reason,
        )
    except ValidationError:
        missing["childs_views"] = "Record the child's views, or why they are not recorded"
    if not assessment.analysis.strip():
        missing["analysis"] = "Enter the analysis"
    if not assessment.factors.exists():
        missing["factors"] = "Select the factors identified"
    return missing


def submit(*, assessment: Assessment, opened_version: int | None, by) -> Assessment:
    """Send the completed assessment to a manager for authorisation."""
    if assessment.submitted_at is not None:
        raise ValidationError("This assessment has already been sent for authorisation")
    missing = missing_sections(assessment)
    if missing:
        raise ValidationError(missing)
    with transaction.atomic():
        with editing(assessment, by=by, opened_version=opened_version) as row:
            row.submitted_at = timezone.now()
            row.returned_reason = ""  # answered by this version
        notify(
            recipients=_managers_of(row),
            kind=NotificationKind.ASSESSMENT_TO_AUTHORISE,
            subject=f"Assessment of {row.child.full_name} to authorise",
            body=f"{by} sent the assessment of {row.child.full_name} for your authorisation."
            + (f" It is due by {row.due_date:%-d %B %Y}." if row.due_date else ""),
            link=reverse("assessments:authorise", args=[row.child.local_id, row.pk]),
            child=row.child,
        )
    return assessment


def authorise(
    *,
    assessment: Assessment,
    authorised_date: dt.date,
    outcomes: Collection[str],
    outcome_other_detail: str = "",
    opened_version: int | None,
    by,
) -> Assessment:
    """A manager authorises the assessment with its outcome (the census completion date)."""
    manager = _manager(assessment, by)
    _check_outcome(assessment, authorised_date, outcomes, outcome_other_detail)
    with transaction.atomic():
        with editing(assessment, by=by, opened_version=opened_version) as row:
            for name, field in OUTCOMES.items():
                setattr(row, field, name in outcomes)
            row.outcome_other_detail = outcome_other_detail.strip() if "other" in outcomes else ""
            row.authorised_date = authorised_date
            row.signed_off_by, row.signed_off_at = manager, timezone.now()
        author = getattr(row.worker, "user", None)
        notify(
            recipients=[author] if author else [],
            kind=NotificationKind.ASSESSMENT_AUTHORISED,
            subject=f"Assessment of {row.child.full_name} authorised",
            body=f"{manager} authorised it on {authorised_date:%-d %B %Y}: "
            f"{', '.join(row.outcomes)}.",
            link=reverse("assessments:assessment", args=[row.child.local_id, row.pk]),
            child=row.child,
        )
    return assessment


def _managers_of(assessment: Assessment) -> list:
    """The signed-in managers of the assessing worker's team (or the episode's team)."""
    team = assessment.worker.team if assessment.worker else assessment.cin_episode.team
    manager = team.manager
    return [manager.user] if manager is not None and manager.user_id else []


def return_for_changes(
    *, assessment: Assessment, reason: str, opened_version: int | None, by
) -> Assessment:
    """A manager's "not yet": the assessment goes back to its worker (it leaves the
    queue) with what has to change, and the worker is told."""
    _manager(assessment, by)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter what needs to change before it can be authorised"})
    with transaction.atomic():
        with editing(assessment, by=by, opened_version=opened_version) as row:
            row.submitted_at = None
            row.returned_reason = reason.strip()
        author = getattr(row.worker, "user", None)
        notify(
            recipients=[author] if author else [],
            kind=NotificationKind.ASSESSMENT_RETURNED,
            subject=f"Assessment of {row.child.full_name} returned for changes",
            body=f"{by} returned the assessment: {row.returned_reason}",
            link=reverse("assessments:assessment", args=[row.child.local_id, row.pk]),
            child=row.child,
        )
    return assessment


def _manager(assessment: Assessment, by):
    if not has_permission(by, Permission.AUTHORISE_ASSESSMENTS):
        raise PermissionDenied("Only a manager can authorise an assessment")
    manager = getattr(by, "worker", None)
    if manager is None:
        raise ValidationError("Your account is not linked to a member of staff")
    if assessment.worker_id is not None and assessment.worker_id == manager.pk:
        raise ValidationError("A manager cannot authorise an assessment they wrote")
    if assessment.submitted_at is None:
        raise ValidationError("This assessment has not been sent for authorisation")
    return manager


def _check_outcome(assessment, authorised_date, outcomes, detail) -> None:
    if authorised_date is None:
        raise ValidationError({"authorised_date": "Enter the date the assessment was authorised"})
    refuse_future_dates(authorised_date=authorised_date)
    if authorised_date < assessment.start_date:
        raise ValidationError(
            {"authorised_date": "The date authorised must be on or after the assessment started"}
        )
    chosen = set(outcomes)
    if not chosen:
        raise ValidationError({"outcomes": "Select the outcome of the assessment"})
    if chosen - set(OUTCOMES):
        raise ValidationError({"outcomes": "Select outcomes from the list"})
    if "nfa" in chosen and chosen & {"cin_plan", "strategy_discussion"}:
        raise ValidationError(
            {
                "outcomes": "No further action cannot be combined with a child in need plan or "
                "a strategy discussion"
            }
        )
    if "other" in chosen and not detail.strip():
        raise ValidationError({"outcome_other_detail": "Describe the other outcome"})
