"""Reads for managers: a team's day, a leaving worker's reallocation list, supervision
due, and the teams compared side by side.

Every list of children starts from ``children_visible_to(user)``; counts of a worker's
caseload include every child they hold (a number names nobody). Each function issues a
fixed number of queries whatever the number of children or workers.
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from kinfolio.assessments.models import Assessment
from kinfolio.assessments.selectors import awaiting_authorisation
from kinfolio.core.queries import Slot, compiled, count_of
from kinfolio.inspection.selectors import overdue_actions_for
from kinfolio.journey.status import FLAGS, with_status_flags
from kinfolio.people.models import Person
from kinfolio.people.selectors import (
    children_hidden_from,
    children_visible_to,
    hidden_children_of,
    visible_child,
    visible_rows,
)
from kinfolio.timescales.engine import Status
from kinfolio.timescales.selectors import deadlines_except, team_deadlines
from kinfolio.workforce.models import (
    Allocation,
    SupervisionSession,
    Team,
    TeamChild,
    Transfer,
    Worker,
)


def current_workers(team: Team, *, today: dt.date) -> QuerySet[Worker]:
    """The team's workers in post today (including those who have given a leaving date),
    with the children each holds now and the date of their last supervision.

    Each figure a subquery: no aggregate, so no GROUP BY repeating each of them (which
    Django builds twice and PostgreSQL runs twice)."""
    supervisions = SupervisionSession.objects.filter(worker=OuterRef("pk"))
    return (
        team.workers.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .annotate(
            caseload=count_of(Allocation.objects.filter(worker=OuterRef("pk"), end_date=None)),
            last_supervision=Subquery(supervisions.order_by("-held_on").values("held_on")[:1]),
        )
        .order_by("family_name", "given_name", "pk")  # two workers may share a name
    )


def team_children(team: Team, user) -> QuerySet[Person]:
    """The children the team holds now that the user may see, with their status flags
    and their current allocation in the team (``team_allocations``)."""
    held = Allocation.objects.filter(team=team, end_date__isnull=True)
    children = children_visible_to(user).filter(Exists(held.filter(child=OuterRef("pk"))))
    return (
        with_status_flags(children)
        .prefetch_related(
            Prefetch(
                "allocations", queryset=held.select_related("worker"), to_attr="team_allocations"
            )
        )
        .order_by("family_name", "given_name")
    )


@dataclass
class WorkerDay:
    """One worker on the team manager's home."""

    worker: Worker
    weighted_caseload: float
    ceiling: float
    overdue: int = 0
    due_this_week: int = 0
    supervision_due_on: dt.date | None = None
    supervision_overdue: bool = False

    @property
    def over_ceiling(self) -> bool:
        return self.weighted_caseload > self.ceiling


@dataclass
class TeamDay:
    team: Team
    workers: list[WorkerDay]
    waiting: list[Allocation]
    reallocate: list[Allocation]
    transfers_in: list[Transfer]
    awaiting_authorisation: list[Assessment]
    children_count: int


def home_teams(user) -> QuerySet[Team]:
    """Teams as the manager's home reads them: with their service, whether any transfer
    waits for their answer, and whether the user has inspection actions overdue (most
    days neither, and then neither is read)."""
    proposed = Transfer.objects.filter(to_team=OuterRef("pk"), status=Transfer.Status.PROPOSED)
    overdue = overdue_actions_for(user, today=timezone.localdate())
    return Team.objects.select_related("service").annotate(
        transfers_waiting=Exists(proposed), inspection_actions_overdue=Exists(overdue)
    )


# What the home shows of a child: a link to their record, named as the record names them.
_CHILD_NAMED = (
    "child__local_id",
    "child__given_name",
    "child__family_name",
    "child__date_of_birth",
    "child__expected_date_of_birth",
)
_WORKER_NAMED = ("worker__given_name", "worker__family_name")


def team_day(team: Team, user, *, today: dt.date | None = None) -> TeamDay:
    """What a team manager needs each morning, for one team (read with ``home_teams``,
    or its waiting transfers are looked for)."""
    today = today or timezone.localdate()
    workers = list(current_workers(team, today=today))
    weights = _weighted_caseloads(workers)
    children, waiting, reallocate = _children_held(team, user, today=today)
    deadlines = _deadlines_by_worker(team, user, today=today, children=children)
    rows = []
    for worker in workers:
        due_on = supervision_due_on(worker.last_supervision, worker.start_date)
        rows.append(
            WorkerDay(
                worker=worker,
                weighted_caseload=weights.get(worker.pk, 0.0),
                ceiling=settings.KINFOLIO_CASELOAD_CEILING * float(worker.fte),
                overdue=deadlines[worker.pk][Status.OVERDUE],
                due_this_week=deadlines[worker.pk]["week"],
                supervision_due_on=due_on,
                supervision_overdue=due_on < today,
            )
        )
    return TeamDay(
        team=team,
        workers=rows,
        waiting=sorted(waiting, key=lambda a: a.start_date),
        reallocate=sorted(reallocate, key=lambda a: (a.worker.end_date, a.child.family_name)),
        transfers_in=(
            waiting_transfers(team, user) if getattr(team, "transfers_waiting", True) else []
        ),
        awaiting_authorisation=list(records_awaiting_authorisation(user, children=children)),
        children_count=len(children),
    )


def _children_held(
    team: Team, user, *, today: dt.date
) -> tuple[list[int], list[Allocation], list[Allocation]]:
    """The ids of the children the team holds now that the user may see (the scope
    checked once, for every list of the home), and of those children's allocations
    here, the ones waiting for a worker and those whose worker is leaving (read only
    when there are some)."""
    rows = visible_rows(user, _held_here, team_id=team.pk)
    to_act_on = [allocation for _, allocation, act in rows if act]
    waiting, reallocate = [], []
    if to_act_on:
        shown = ("start_date", *_CHILD_NAMED, *_WORKER_NAMED, "worker__end_date")
        found = Allocation.objects.filter(pk__in=to_act_on).select_related("child", "worker")
        for allocation in found.only(*shown):
            if allocation.worker is None:
                allocation.days_waiting = (today - allocation.start_date).days
                waiting.append(allocation)
            else:
                reallocate.append(allocation)
    return sorted({child for child, _, _ in rows}), waiting, reallocate


def _held_here(visible: Q) -> QuerySet[Allocation]:
    """The team's open allocations (``team_id``, a ``Slot``) of children the user may see
    (``visible``): the child, the allocation, and whether it waits for a worker or its
    worker is leaving."""
    to_act_on = Q(worker__isnull=True) | Q(worker__end_date__isnull=False)
    return (
        Allocation.objects.filter(visible, end_date__isnull=True)
        .filter(team_id=Slot("team_id", IntegerField()))
        .order_by()
        .values_list("child_id", "pk", ExpressionWrapper(to_act_on, output_field=BooleanField()))
    )


def records_awaiting_authorisation(user, *, children: list[int]) -> QuerySet[Assessment]:
    """Records of a team's children (``children``: the ids of those the user may see)
    sent for the manager's authorisation, oldest first.

    Today these are assessments (``assessments.selectors.awaiting_authorisation``);
    plans and visits join here when they can be sent for sign-off.
    """
    # Only what the home shows of each: the queue's other columns, and its team, are
    # not read.
    return (
        awaiting_authorisation(user, children=children)
        .select_related(None)
        .select_related("child", "worker")
        .only("submitted_at", "due_date", *_CHILD_NAMED, *_WORKER_NAMED)
    )


def supervision_due_on(last: dt.date | None, started: dt.date) -> dt.date:
    """When a worker's next supervision is due: the council's interval after the last
    one, or after they started if they have had none."""
    return (last or started) + timedelta(days=settings.KINFOLIO_SUPERVISION_EVERY_DAYS)


def reallocation_list(worker: Worker, user) -> QuerySet[Allocation]:
    """The children a worker holds now (that the user may see): each needs another
    worker before the worker leaves."""
    return (
        Allocation.objects.filter(worker=worker, end_date__isnull=True)
        .filter(visible_child(user))
        .select_related("child", "team")
        .order_by("child__family_name", "child__given_name")
    )


def supervisions_of(worker: Worker) -> QuerySet[SupervisionSession]:
    return worker.supervisions.select_related("supervisor").prefetch_related("decisions__child")


def _weighted_caseloads(workers: list[Worker]) -> dict[int, float]:
    """Each worker's caseload with the council's weights by kind of case (a child counts
    at the highest weight that applies to them, 1 when none does)."""
    weights = settings.KINFOLIO_CASELOAD_WEIGHTS
    if not weights:
        return {w.pk: float(w.caseload) for w in workers}
    flags = [flag for flag in weights if flag in FLAGS]
    rows = (
        Allocation.objects.filter(worker__in=[w.pk for w in workers], end_date__isnull=True)
        .annotate(
            **{
                flag: Exists(
                    FLAGS[flag][0].objects.filter(
                        child=OuterRef("child"), **{f"{FLAGS[flag][1]}__isnull": True}
                    )
                )
                for flag in flags
            }
        )
        .values("worker_id", *flags)
    )
    totals: dict[int, float] = defaultdict(float)
    for row in rows:
        totals[row["worker_id"]] += max([1.0] + [weights[f] for f in flags if row[f]])
    return dict(totals)


def _deadlines_by_worker(
    team: Team, user, *, today: dt.date, children: list[int]
) -> dict[int, Counter]:
    """Per worker: the team's open deadlines overdue, and those falling due in the next
    7 days (counted by the database from the stored holders of ``children``)."""
    week = today + timedelta(days=7)
    rows = (
        team_deadlines(team, user, today=today, children=children)
        .order_by()
        .values("holder_worker")
        .annotate(
            overdue=Count("pk", filter=Q(due_on__lt=today)),
            week=Count("pk", filter=Q(due_on__gte=today, due_on__lte=week)),
        )
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row["holder_worker"]].update({Status.OVERDUE: row["overdue"], "week": row["week"]})
    return counts


@dataclass(frozen=True)
class TeamFigures:
    """One team's line in the service manager's comparison; each number has a page."""

    team: Team
    workers: int
    agency: int
    vacancies: float | None
    children: int
    unallocated: int
    overdue: int
    supervision_overdue: int


def teams_compared(user, *, today: dt.date | None = None) -> list[TeamFigures]:
    """Every team's caseload, children waiting, overdue deadlines, agency workers,
    vacancies and workers overdue supervision, counted among the children the user
    may see (one query).

    Children are counted from the stored rows of who each team holds (``TeamChild``) and
    deadlines from the stored clocks, both only of children, leaving out those hidden
    from the user (``children_hidden_from``: for a service manager or director, the few
    restricted records not opened to them): no held child's record is looked up."""
    today = today or timezone.localdate()
    # Compiled once for the three counts that read it.
    hidden = compiled(children_hidden_from(user).order_by().values("pk"))
    in_post = Worker.objects.filter(team=OuterRef("pk")).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today)
    )
    held = TeamChild.objects.filter(team=OuterRef("pk")).exclude(child__in=hidden)
    # Each team's range of its open deadlines' index.
    overdue = deadlines_except(hidden, today=today).filter(
        holder_team=OuterRef("pk"), due_on__lt=today
    )
    cutoff = today - timedelta(days=settings.KINFOLIO_SUPERVISION_EVERY_DAYS)
    supervised = SupervisionSession.objects.filter(worker=OuterRef("pk"), held_on__gte=cutoff)
    teams = (
        Team.objects.select_related("service")
        .annotate(
            n_workers=count_of(in_post),
            n_agency=count_of(in_post.filter(is_agency=True)),
            permanent_fte=Subquery(
                in_post.filter(is_agency=False)
                .order_by()
                .annotate(total=Func(F("fte"), function="SUM"))
                .values("total"),
            ),
            # Counting children (never null), not ids: the indexes hold them, so each
            # count reads its team's index alone.
            n_children=count_of(held, "child"),
            n_unallocated=count_of(held.filter(waiting=True), "child"),
            n_overdue=count_of(overdue, "child"),
            n_unsupervised=count_of(
                in_post.filter(start_date__lt=cutoff).exclude(Exists(supervised))
            ),
        )
        .order_by("service__name", "name")
    )
    return [
        TeamFigures(
            team=team,
            workers=team.n_workers,
            agency=team.n_agency,
            vacancies=(
                max(float(team.establishment_fte) - float(team.permanent_fte or 0), 0.0)
                if team.establishment_fte is not None
                else None
            ),
            children=team.n_children,
            unallocated=team.n_unallocated,
            overdue=team.n_overdue,
            supervision_overdue=team.n_unsupervised,
        )
        for team in teams
    ]


def waiting_transfers(team: Team, user) -> list[Transfer]:
    """Transfers to this team waiting for its manager's answer, of children the user
    may see, oldest first.

    Most days a team has none: the user's scope is checked (one more query) only when
    there are some, and then only for their children (``hidden_children_of``)."""
    proposed = Transfer.objects.filter(to_team=team, status=Transfer.Status.PROPOSED)
    waiting = list(
        proposed.select_related("child", "from_team", "proposed_by").order_by("proposed_on", "pk")
    )
    if not waiting:
        return waiting
    hidden = set(hidden_children_of(user, proposed))
    return [transfer for transfer in waiting if transfer.child_id not in hidden]


def oversight_for(child: Person, *, limit: int = 5) -> dict[str, list]:
    """The newest supervision decisions and case directions on a child's record (the
    caller has loaded the child through ``children_visible_to``)."""
    return {
        "decisions": list(
            child.supervision_decisions.select_related("session__worker", "session__supervisor")[
                :limit
            ]
        ),
        "directions": list(child.case_directions.select_related("given_by")[:limit]),
    }
