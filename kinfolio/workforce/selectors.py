"""Reads about the workforce: caseloads and teams."""

from django.db.models import Count, Prefetch, Q, QuerySet

from kinfolio.accounts.models import User
from kinfolio.journey.status import with_status_flags
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
from kinfolio.workforce.models import Allocation, Team, Worker


def caseload_for_worker(worker: Worker, *, user: User) -> QuerySet[Person]:
    """The children a worker holds now that ``user`` may see (a restricted child only
    for those named on it), with what the caseload page shows about each."""
    current = Allocation.objects.filter(worker=worker, end_date__isnull=True)
    children = children_visible_to(user).filter(allocations__in=current).distinct()
    return (
        with_status_flags(children)
        .prefetch_related(
            Prefetch(
                "allocations", queryset=current.select_related("team"), to_attr="my_allocations"
            )
        )
        .order_by("family_name", "given_name")
    )


def teams_with_counts() -> QuerySet[Team]:
    return (
        Team.objects.select_related("service", "manager")
        .annotate(
            current_workers=Count(
                "workers", filter=Q(workers__end_date__isnull=True), distinct=True
            ),
            children=Count(
                "allocations", filter=Q(allocations__end_date__isnull=True), distinct=True
            ),
        )
        .order_by("service__name", "name")
    )


def team_workers_with_caseloads(team: Team) -> QuerySet[Worker]:
    """The team's current workers with the number of children each holds now."""
    return (
        team.workers.filter(end_date__isnull=True)
        .annotate(
            caseload=Count(
                "allocations__child", filter=Q(allocations__end_date__isnull=True), distinct=True
            )
        )
        .order_by("family_name", "given_name")
    )


def unallocated_children(team: Team, *, user) -> QuerySet[Allocation]:
    """Children the team holds with no named worker, among those the user may see."""
    return team.allocations.filter(
        end_date__isnull=True, worker__isnull=True, child__in=children_visible_to(user)
    ).select_related("child")
