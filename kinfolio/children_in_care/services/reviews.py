"""Looked after reviews: scheduled by the timescales engine, held and chaired by the IRO.

The first review is due 20 working days after the child becomes looked after, the
second 3 months after the first, then every 6 months (the rules are data in the
timescales app; ``due_date`` evaluates them). Holding a review records how the child
took part (PN0-PN7) and their views, and schedules the next one.
"""

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.children_in_care.models import LACReview, PeriodOfCare
from kinfolio.children_in_care.services import recommendations as recs
from kinfolio.core.voice import validate_childs_voice
from kinfolio.timescales.services import due_date
from kinfolio.workforce.models import Worker

RULES = ("lac_review_first_20wd", "lac_review_second_3m", "lac_review_subsequent_6m")


def schedule_next_review(*, period: PeriodOfCare, after: date, by: User) -> LACReview:
    """Book the period's next review on the date the engine gives (call in a transaction)."""
    held = period.reviews.filter(review_date__isnull=False).count()
    review = LACReview(
        child=period.child, period=period, due_date=due_date(RULES[min(held, 2)], after)
    )
    review.save()
    record_event(
        by=by,
        instance=review,
        child=period.child,
        changes=changes(None, review),
        kind=ChangeEvent.Kind.CREATED,
    )
    return review


def hold_review(
    *,
    review: LACReview,
    review_date: date,
    participation: str,
    chair: Worker,
    childs_views: str,
    childs_views_not_recorded_code: str,
    childs_views_not_recorded_reason: str,
    by: User,
    recommendations: Sequence[recs.Recommendation] = (),
) -> LACReview:
    """Record a review as held with its recommendations (each with an owner and a due
    date), then book the next while the child is looked after."""
    recs.check(recommendations, held_on=review_date)
    validate_childs_voice(
        views=childs_views,
        not_recorded_code=childs_views_not_recorded_code,
        not_recorded_reason=childs_views_not_recorded_reason,
    )
    if participation not in codesets.REVIEW_PARTICIPATION:
        raise ValidationError({"participation": "Select how the child took part in the review"})
    with transaction.atomic():
        review = LACReview.objects.select_for_update().select_related("period").get(pk=review.pk)
        if review.review_date is not None:
            raise ValidationError("This review has already been recorded as held.")
        period = review.period
        if review_date < period.start_date or (period.end_date and review_date > period.end_date):
            raise ValidationError(
                {"review_date": "The review must be held while the child is looked after"}
            )
        before = snapshot(review)
        review.review_date = review_date
        review.participation = participation
        review.chair = chair
        review.childs_views = childs_views
        review.childs_views_not_recorded_code = childs_views_not_recorded_code
        review.childs_views_not_recorded_reason = childs_views_not_recorded_reason
        review.full_clean()
        review.save()
        record_event(by=by, instance=review, child=review.child, changes=changes(before, review))
        recs.add_all(review, recommendations, by=by)
        if period.end_date is None:
            schedule_next_review(period=period, after=review_date, by=by)
    return review
