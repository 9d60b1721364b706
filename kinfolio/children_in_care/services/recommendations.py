"""Recommendations of a looked after review: each with an owner and a due date, given
when the review is recorded as held and marked done by the date it was done."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.audit.services.history import snapshot
from kinfolio.children_in_care.models import LACReview, ReviewRecommendation
from kinfolio.children_in_care.services import records
from kinfolio.core.versions import guard_version
from kinfolio.workforce.models import Worker


@dataclass(frozen=True)
class Recommendation:
    """One recommendation as the review page gives it (``number`` names its fields)."""

    number: int
    text: str
    owner: Worker | None
    due_date: date | None


def check(recommendations: Sequence[Recommendation], *, held_on: date) -> None:
    """Every recommendation has an owner and a due date on or after the review."""
    errors: dict[str, str] = {}
    for r in recommendations:
        name = f"recommendation_{r.number}"
        if not r.text.strip():
            errors[f"{name}_text"] = (
                f"Enter recommendation {r.number}, or leave its owner and date empty"
            )
            continue
        if r.owner is None:
            errors[f"{name}_owner"] = f"Select who owns recommendation {r.number}"
        if r.due_date is None:
            errors[f"{name}_due_date"] = f"Enter the date recommendation {r.number} is due"
        elif r.due_date < held_on:
            errors[f"{name}_due_date"] = (
                f"The date recommendation {r.number} is due must be on or after the review"
            )
    if errors:
        raise ValidationError(errors)


def add_all(
    review: LACReview, recommendations: Sequence[Recommendation], *, by: User
) -> list[ReviewRecommendation]:
    """Store a held review's recommendations (checked first; call in its transaction)."""
    return [
        records.add(
            ReviewRecommendation(
                review=review,
                child=review.child,
                text=r.text.strip(),
                owner=r.owner,
                due_date=r.due_date,
            ),
            child=review.child,
            by=by,
        )
        for r in recommendations
    ]


def complete_recommendation(
    *,
    recommendation: ReviewRecommendation,
    completed_on: date,
    opened_version: int | None = None,
    by: User,
) -> ReviewRecommendation:
    """Mark a recommendation done on ``completed_on`` (not before its review, not later
    than today)."""
    with transaction.atomic():
        row = (
            ReviewRecommendation.objects.select_for_update(of=("self",))
            .select_related("review")
            .get(pk=recommendation.pk)
        )
        if row.completed_on is not None:
            raise ValidationError("This recommendation is already marked as done.")
        if completed_on < row.review.review_date:
            raise ValidationError(
                {"completed_on": "The date it was done must be on or after the review"}
            )
        if completed_on > timezone.localdate():
            raise ValidationError(
                {"completed_on": "The date it was done must be today or in the past"}
            )
        guard_version(instance=row, opened_version=opened_version)
        before = snapshot(row)
        row.completed_on = completed_on
        return records.change(row, before, child=row.child, by=by)
