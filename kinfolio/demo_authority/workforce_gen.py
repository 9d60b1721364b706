"""Services, teams and workers, with staff turnover over the generated years.

Each team has a fixed number of posts. A post is held by one worker at a time; when a
worker leaves, the next starts the following day, so a team's strength is steady while
its people change — and every child's allocation can be split at a handover.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from kinfolio.demo_authority import names
from kinfolio.demo_authority.world import World
from kinfolio.workforce.models import Service, Team, Worker

YEARLY_LEAVING_RATE = 0.12
AGENCY_SHARE = 0.1


@dataclass
class Tenure:
    worker: Worker
    start: date
    end: date | None  # None: still in post


@dataclass
class Post:
    team: Team
    holders: list[Tenure]

    def holders_during(
        self, start: date, end: date | None
    ) -> list[tuple[Worker, date, date | None]]:
        """Who held the post over [start, end], as (worker, from, to) pieces."""
        pieces = []
        for tenure in self.holders:
            if tenure.end is not None and tenure.end < start:
                continue
            if end is not None and tenure.start > end:
                break
            piece_start = max(start, tenure.start)
            piece_end = (
                end if tenure.end is None else (tenure.end if end is None else min(end, tenure.end))
            )
            pieces.append((tenure.worker, piece_start, piece_end))
        return pieces

    def settled_on(self, day: date) -> bool:
        """Whether one worker holds the post from ``day`` for three days at least: a
        manager does not give a child to a worker leaving the next day (the return
        reports a social worker episode that short, SSDA903 rule SW09)."""
        pieces = self.holders_during(day, day + timedelta(days=3))
        return len(pieces) == 1 and pieces[0][1] == day


@dataclass
class Workforce:
    teams: dict[str, list[Team]]  # by team type
    posts: dict[int, list[Post]]  # by id(team)
    managers: dict[int, Worker]
    assigned: dict[tuple[int, int], Post] = field(default_factory=dict)

    def post_for(self, world: World, child, team: Team) -> Post:
        """The post in a team that works with a child: the same one every time, so the
        allocated worker is the one who visits."""
        key = (id(child), id(team))
        if key not in self.assigned:
            self.assigned[key] = world.rng.choice(self.posts[id(team)])
        return self.assigned[key]

    def teams_of(self, team_type: str) -> list[Team]:
        return self.teams[team_type]

    def posts_of(self, team: Team) -> list[Post]:
        return self.posts[id(team)]


def generate_workforce(world: World) -> Workforce:
    services: dict[str, Service] = {}
    teams: dict[str, list[Team]] = {}
    posts: dict[int, list[Post]] = {}
    managers: dict[int, Worker] = {}
    for spec in world.profile.teams:
        service = services.get(spec.service)
        if service is None:
            service = services[spec.service] = world.rows.add(Service(name=spec.service))
        team = world.rows.add(Team(name=spec.name, service=service, team_type=spec.team_type))
        teams.setdefault(spec.team_type, []).append(team)
        managers[id(team)] = _worker(
            world,
            team,
            "Team manager",
            True,
            world.between(world.start - timedelta(days=3000), world.start),
        )
        posts[id(team)] = [
            Post(team, _holders(world, team, spec.job_title, spec.qualified))
            for _ in range(spec.workers)
        ]
    return Workforce(teams, posts, managers)


def _holders(world: World, team: Team, job_title: str, qualified: bool) -> list[Tenure]:
    first_start = world.between(world.start - timedelta(days=3650), world.start)
    holders = [Tenure(_worker(world, team, job_title, qualified, first_start), first_start, None)]
    day = world.start
    while day < world.census:
        day += timedelta(days=world.rng.randint(30, 365))
        if day >= world.census or not world.chance(YEARLY_LEAVING_RATE):
            continue
        leaving = holders[-1]
        leaving.end = day
        leaving.worker.end_date = day
        # The successor takes the post's children over on the leaver's last day, as
        # Kinfolio's allocation ends one worker's hold the day the next begins: a child
        # is never without a social worker overnight (SSDA903 rules SW11b, SW17).
        holders.append(Tenure(_worker(world, team, job_title, qualified, day), day, None))
    return holders


def _worker(world: World, team: Team, job_title: str, qualified: bool, start: date) -> Worker:
    heritage = world.weighted(names.HERITAGE_WEIGHTS)
    sex = world.rng.choice("FFFM")  # the children's social work workforce is mostly women
    return world.rows.add(
        Worker(
            given_name=world.rng.choice(names.GIVEN_NAMES[heritage][sex]),
            family_name=world.rng.choice(names.FAMILY_NAMES[heritage]),
            job_title=job_title,
            team=team,
            is_agency=world.chance(AGENCY_SHARE),
            is_qualified_social_worker=qualified,
            start_date=start,
        )
    )


def appoint_team_managers(workforce: Workforce) -> None:
    """Teams and their managers refer to each other, so managers are set once both exist."""
    for team_list in workforce.teams.values():
        for team in team_list:
            team.manager = workforce.managers[id(team)]
            team.save(update_fields=["manager"])


def allocate(
    world: World,
    workforce: Workforce,
    *,
    child,
    role: str,
    team: Team,
    start: date,
    end: date | None,
) -> None:
    """Allocate a child to one post in a team for a period, handing over when workers leave."""
    from kinfolio.workforce.models import Allocation

    post = workforce.post_for(world, child, team)
    for worker, piece_start, piece_end in post.holders_during(start, end):
        if piece_end is not None and piece_end <= piece_start and piece_end != end:
            continue  # a handover on the very first day: the next holder takes it
        world.rows.add(
            Allocation(
                child=child,
                role=role,
                team=team,
                worker=worker,
                start_date=piece_start,
                end_date=piece_end,
                change_reason=change_reason(role, piece_start, start),
            )
        )


def change_reason(role: str, piece_start: date, start: date) -> str:
    """SSDA903 SW_REASON for a social worker allocation: the first worker of a piece of
    work is the child's first contact with them; a later one took over when the worker
    before left."""
    if role != "social_worker":
        return ""
    return "FCONTA" if piece_start == start else "LEFTRL"


def settle_social_worker_changes(world: World) -> None:
    """Once every allocation is made, each child's social workers in date order: one who
    takes over the day the last stopped came by transfer (TSPROC), not first contact
    (the SSDA903 return refuses a first contact before the last episode ended, rule
    SW10b); and a hold of under three days (the referral team for the day before an
    emergency entry to care) is folded into the next worker's, when they were in post by
    then, as the return queries episodes that short (rule SW09)."""
    from kinfolio.workforce.models import Allocation

    by_child: dict[int, list] = {}
    for allocation in world.rows.rows_of(Allocation):
        if allocation.role == "social_worker":
            by_child.setdefault(id(allocation.child), []).append(allocation)
    folded = []
    for allocations in by_child.values():
        allocations.sort(key=lambda a: (a.start_date, a.end_date or date.max))
        kept = []
        for allocation in allocations:
            before = kept[-1] if kept else None
            if before and before.end_date is not None and before.end_date >= allocation.start_date:
                in_post = allocation.worker is None or (
                    allocation.worker.start_date <= before.start_date
                )
                if (before.end_date - before.start_date).days < 3 and in_post:
                    allocation.start_date = before.start_date
                    allocation.change_reason = before.change_reason
                    folded.append(kept.pop())
                elif allocation.change_reason == "FCONTA":
                    allocation.change_reason = "TSPROC"
            kept.append(allocation)
    world.rows.discard(Allocation, folded)
