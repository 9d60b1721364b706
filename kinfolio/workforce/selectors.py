"""Reads about the workforce: caseloads and teams."""

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery

from kinfolio.accounts.models import User
from kinfolio.core.queries import Slot, count_of
from kinfolio.journey.status import with_status_flags
from kinfolio.people.models import Person
from kinfolio.people.selectors import ROW_FIELDS, children_visible_to, read_visible_children
from kinfolio.workforce.models import Allocation, Team, Worker


def caseload_for_worker(worker: Worker, *, user: User) -> list[Person]:
    """The children a worker holds now that ``user`` may see (a restricted child only
    for those named on it), with what the caseload page shows about each: their status
    and since when the worker holds them (``allocated_since``). Every one of them, in
    one query that checks each child against the scope once, compiled once per process:
    the page counts them and reads their deadlines by their ids (a worker holds tens,
    not thousands)."""
    return read_visible_children(user, _caseload, worker_id=worker.pk)


def _caseload(children: QuerySet[Person]) -> QuerySet[Person]:
    held = Allocation.objects.filter(
        worker_id=Slot("worker_id", IntegerField()), end_date__isnull=True
    )
    current = held.filter(child=OuterRef("pk")).order_by("-start_date")
    # The worker's children as a list to look up, not a test of every person: SQLite
    # ran the correlated test (and the scope) for each of the demo's people (~90 ms).
    return (
        with_status_flags(children.filter(pk__in=held.values("child_id")))
        .only(*ROW_FIELDS)
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
