"""Reads about children in care: the IROs' workload."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)

from kinfolio.accounts.models import User
from kinfolio.children_in_care.models import LACReview, ReviewRecommendation
from kinfolio.people.models import Person
from kinfolio.people.selectors import ROW_FIELDS, children_visible_to
from kinfolio.workforce.models import Allocation, Worker

IRO = "iro"  # ALLOCATION_ROLE
DUE_SOON_DAYS = 28


@dataclass(frozen=True)
class CaseloadCeiling:
    children: int
    source: str


def iro_caseload_ceiling() -> CaseloadCeiling:
    """The council's ceiling on looked after children per full-time IRO (a setting)."""
    return CaseloadCeiling(
        children=settings.KINFOLIO_IRO_CASELOAD_CEILING,
        source=settings.KINFOLIO_IRO_CASELOAD_CEILING_SOURCE,
    )


def iro_workloads(*, user: User, today: date) -> list[Worker]:
    """Every current IRO with the looked after children they review that ``user`` may see,
    and how many of those children's next reviews are overdue or due within 28 days.

    Two queries whatever the numbers: the IROs' current allocations grouped by IRO,
    each child's pending reviews tested with an indexed EXISTS (a correlated count per
    IRO over every pending review was minutes on the large authority), then the IROs."""
    looked_after = children_visible_to(user).filter(periods_of_care__end_date__isnull=True)
    pending = LACReview.objects.filter(
        child=OuterRef("child"), review_date__isnull=True, period__end_date__isnull=True
    )
    soon = today + timedelta(DUE_SOON_DAYS)
    counts = {
        row["worker"]: row
        for row in Allocation.objects.filter(
            role=IRO, end_date__isnull=True, child__in=looked_after
        )
        .order_by()
        .values("worker")
        .annotate(
            children=Count("child", distinct=True),
            overdue=Count(
                "child", distinct=True, filter=Exists(pending.filter(due_date__lt=today))
            ),
            due_soon=Count(
                "child",
                distinct=True,
                filter=Exists(pending.filter(due_date__gte=today, due_date__lte=soon)),
            ),
        )
    }
    ceiling = iro_caseload_ceiling().children
    iros = list(
        Worker.objects.filter(end_date__isnull=True)
        .filter(Q(pk__in=list(counts)) | Q(team__team_type="safeguarding"))
        .select_related("team")
        .order_by("family_name", "given_name")
    )
    for iro in iros:
        row = counts.get(iro.pk, {})
        iro.children = row.get("children", 0)
        iro.overdue = row.get("overdue", 0)
        iro.due_soon = row.get("due_soon", 0)
        iro.over_ceiling = iro.children > iro.fte * ceiling
    return iros


def children_reviewed_by(iro: Worker, *, user: User) -> QuerySet[Person]:
    """The looked after children an IRO reviews (among those ``user`` may see), each with
    the due date of their next review."""
    next_review = (
        LACReview.objects.filter(child=OuterRef("pk"), review_date__isnull=True)
        .order_by("due_date")
        .values("due_date")[:1]
    )
    return (
        children_visible_to(user)
        .filter(
            periods_of_care__end_date__isnull=True,
            allocations__role=IRO,
            allocations__worker=iro,
            allocations__end_date__isnull=True,
        )
        .distinct()
        .annotate(next_review_due=Subquery(next_review))
        .order_by("next_review_due", "family_name")
    )


def iro_of(child: Person) -> Worker | None:
    """The child's current IRO, if one is allocated."""
    allocation = (
        Allocation.objects.filter(child=child, role=IRO, end_date__isnull=True)
        .select_related("worker")
        .first()
    )
    return allocation.worker if allocation else None


def recommendations_owned_by(
    worker: Worker, *, user: User, seen: Collection[int] = ()
) -> list[ReviewRecommendation]:
    """The review recommendations ``worker`` owns and has not done, for children ``user``
    may see, soonest due first. ``seen``: ids of children already checked against the
    user's scope (the caseload's); only the others are checked, in a second query when
    there are any (usually none: an owner's recommendations are about their children)."""
    rows = list(
        ReviewRecommendation.objects.filter(owner=worker, completed_on__isnull=True)
        .select_related("child")
        .only("text", "due_date", *(f"child__{name}" for name in ROW_FIELDS))
        .order_by("due_date", "pk")
    )
    others = {row.child_id for row in rows}.difference(seen)
    if others:
        visible = set(children_visible_to(user).filter(pk__in=others).values_list("pk", flat=True))
        rows = [row for row in rows if row.child_id not in others or row.child_id in visible]
    return rows
