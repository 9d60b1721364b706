"""Reads about children in care: the IROs' workload."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from kinfolio.accounts.models import User
from kinfolio.children_in_care.models import LACReview, ReviewRecommendation
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
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


def _count(queryset: QuerySet, field: str = "worker") -> Subquery:
    counted = (
        queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("child", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def iro_workloads(*, user: User, today: date) -> QuerySet[Worker]:
    """Every current IRO with the looked after children they review that ``user`` may see,
    and how many of those children's next reviews are overdue or due within 28 days.

    Counted with one subquery per figure (never an aggregate over a join product), so
    the page's queries do not grow with IROs or children."""
    looked_after = children_visible_to(user).filter(periods_of_care__end_date__isnull=True)
    current = Allocation.objects.filter(role=IRO, end_date__isnull=True, child__in=looked_after)
    pending = LACReview.objects.filter(
        review_date__isnull=True, period__end_date__isnull=True, child__in=looked_after
    )
    reviewed_by = Allocation.objects.filter(
        role=IRO, end_date__isnull=True, child=OuterRef("child")
    ).values("worker")[:1]
    pending = pending.annotate(iro=Subquery(reviewed_by))
    return (
        Worker.objects.filter(end_date__isnull=True)
        .filter(Q(allocations__in=current) | Q(team__team_type="safeguarding"))
        .distinct()
        .select_related("team")
        .annotate(
            children=_count(current),
            overdue=_count(pending.filter(due_date__lt=today), "iro"),
            due_soon=_count(
                pending.filter(due_date__gte=today, due_date__lte=today + timedelta(DUE_SOON_DAYS)),
                "iro",
            ),
        )
        .annotate(
            over_ceiling=ExpressionWrapper(
                Q(children__gt=F("fte") * iro_caseload_ceiling().children),
                output_field=BooleanField(),
            )
        )
        .order_by("family_name", "given_name")
    )


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


def recommendations_owned_by(worker: Worker, *, user: User) -> QuerySet[ReviewRecommendation]:
    """The review recommendations ``worker`` owns and has not done, for children ``user``
    may see, soonest due first (one query)."""
    return (
        ReviewRecommendation.objects.filter(
            owner=worker, completed_on__isnull=True, child__in=children_visible_to(user)
        )
        .select_related("child")
        .order_by("due_date", "pk")
    )
