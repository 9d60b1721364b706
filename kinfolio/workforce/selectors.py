"""Reads about the workforce: caseloads and teams."""

from django.db.models import OuterRef, QuerySet, Subquery

from kinfolio.accounts.models import User
from kinfolio.core.queries import OneOf, count_of
from kinfolio.journey.status import with_status_flags
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to, visible_children_of
from kinfolio.workforce.models import Allocation, Team, Worker

# What the caseload shows of each child (their name and age): the other columns would
# cost a field each to read and build on every row.
SHOWN = ("local_id", "given_name", "family_name", "date_of_birth", "expected_date_of_birth")


def held_by(worker: Worker, *, user: User) -> list[int]:
    """The ids of the children ``worker`` holds now that ``user`` may see: the scope
    checked once, for the caseload and its deadlines to read by."""
    return visible_children_of(
        user, Allocation.objects.filter(worker=worker, end_date__isnull=True)
    )


def caseload_for_worker(
    worker: Worker, *, user: User, children: list[int] | None = None
) -> QuerySet[Person]:
    """The children a worker holds now that ``user`` may see (a restricted child only
    for those named on it), with what the caseload page shows about each: their status
    and since when the worker holds them (``allocated_since``). Given ``children``
    (``held_by`` the same worker and user, which the page reads anyway) the scope is not
    checked again."""
    if children is None:
        children = held_by(worker, user=user)
    current = Allocation.objects.filter(
        worker=worker, end_date__isnull=True, child=OuterRef("pk")
    ).order_by("-start_date")
    return (
        with_status_flags(Person.objects.filter(OneOf("pk", children)))
        .only(*SHOWN)
        .annotate(allocated_since=Subquery(current.values("start_date")[:1]))
        .order_by("family_name", "given_name", "pk")
    )


def teams_with_counts() -> QuerySet[Team]:
    """Every team with its current workers and the children it holds now (counted in a
    subquery each: a join of workers with allocations would count their product)."""
    current_workers = Worker.objects.filter(team=OuterRef("pk"), end_date__isnull=True)
    held = Allocation.objects.filter(team=OuterRef("pk"), end_date__isnull=True)
    return (
        Team.objects.select_related("service", "manager")
        .annotate(
            current_workers=count_of(current_workers),
            children=count_of(held, "child", distinct=True),
        )
        .order_by("service__name", "name")
    )


def team_workers_with_caseloads(team: Team) -> QuerySet[Worker]:
    """The team's current workers with the number of children each holds now."""
    held = Allocation.objects.filter(worker=OuterRef("pk"), end_date__isnull=True)
    return (
        team.workers.filter(end_date__isnull=True)
        .annotate(caseload=count_of(held, "child", distinct=True))
        .order_by("family_name", "given_name")
    )


def unallocated_children(team: Team, *, user) -> QuerySet[Allocation]:
    """Children the team holds with no named worker, among those the user may see."""
    return (
        team.allocations.filter(
            end_date__isnull=True, worker__isnull=True, child__in=children_visible_to(user)
        )
        .select_related("child")
        .order_by("start_date", "pk")
    )
