"""What the care of a looked after child suggests doing on their record: open their
care record, hold a review that is due; a care leaver's record. The open period, care
leaver status and episode come with the child (``people.record.record_child``), and so
does the next review (``READ_WITH_CHILD``); no query."""

from django.db.models import OuterRef
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.children_in_care.models import LACReview
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction

# Read with the child (``people.record.reads_with_child``): the open period's next review.
READ_WITH_CHILD = {
    "next_review": LACReview.objects.filter(
        period__child=OuterRef("pk"), period__end_date__isnull=True, review_date__isnull=True
    ).order_by("due_date")
}


def next_actions(child: Person, user: User) -> list[NextAction]:
    if not has_permission(user, Permission.RECORD_CASEWORK):
        return []
    care = reverse("children_in_care:care", args=[child.local_id])
    period = child.open_period
    if period is None:
        if child.open_care_leaver_status is not None:
            leaving = reverse("care_leavers:record", args=[child.local_id])
            return [NextAction("Leaving care: pathway plan and personal adviser", leaving)]
        if child.open_cin_episode is not None:
            return [NextAction("Looked after: care and episodes", care)]
        return []
    actions = [
        NextAction("Care record", care, reason=f"Looked after since {period.start_date:%-d %B %Y}")
    ]
    review = child.next_review
    if review is not None:
        today = timezone.localdate()
        actions.append(
            NextAction(
                "Record the looked after review",
                reverse("children_in_care:review-held", args=[child.local_id, review.pk]),
                reason=f"Due by {review.due_date:%-d %B %Y}",
                urgent=review.due_date < today,
            )
        )
    return actions
