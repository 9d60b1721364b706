"""The daily digest of deadlines: what each worker has overdue, due today and due in the
next 10 working days, and for each team manager what is overdue or due today in their
team. Composed here from one bulk computation; written and sent by ``services``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef

from kinfolio.accounts.models import User
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
from kinfolio.timescales.engine import Status
from kinfolio.timescales.selectors import ACTION_NEEDED, Deadline, clocks_for, present
from kinfolio.workforce.models import Allocation, Team, Worker

MANAGER_SEES = (Status.OVERDUE, Status.DUE_TODAY, Status.UNKNOWN)


@dataclass
class Digest:
    recipient: User
    own: list[Deadline] = field(default_factory=list)
    team: dict[str, list[Deadline]] = field(default_factory=dict)

    def subject(self, today: dt.date) -> str:
        overdue = sum(d.status == Status.OVERDUE for d in self.own)
        overdue += sum(d.status == Status.OVERDUE for rows in self.team.values() for d in rows)
        return f"Kinfolio deadlines for {today:%-d %B %Y}: {overdue} overdue"

    def body(self, today: dt.date) -> str:
        lines = [f"Deadlines on {today:%A %-d %B %Y}.", ""]
        if self.own:
            lines.append("Your children")
            lines += _section(self.own, with_worker=False)
        for team, rows in sorted(self.team.items()):
            lines.append(f"Overdue or due today in {team}")
            lines += _section(rows, with_worker=True)
        return "\n".join(lines).rstrip() + "\n"


def _section(rows: list[Deadline], *, with_worker: bool) -> list[str]:
    lines = []
    for status in Status:
        chosen = [d for d in rows if d.status == status]
        if not chosen:
            continue
        lines.append(f"  {status.label} ({len(chosen)})")
        for d in chosen:
            who = f" [{d.worker.full_name if d.worker else 'not allocated'}]" if with_worker else ""
            lines.append(
                f"  - {d.child.full_name} ({d.child.local_id}), {d.clock.rule.name}: "
                f"{d.explanation}{who}"
            )
            if d.clock.problem:
                lines.append(f"    {d.clock.problem}")
    return lines + [""]


def compose(today: dt.date) -> list[Digest]:
    """One digest per user with something to act on. Each names only children the
    recipient may see (``children_visible_to``): a restricted child reaches only the
    people named on the restriction. One query per recipient, plus a bounded number."""
    held = Allocation.objects.filter(
        child=OuterRef("pk"), end_date__isnull=True, worker__isnull=False
    )
    children = Person.objects.filter(Exists(held))
    rows = present(
        clocks_for(children, today=today, open_only=True), today=today, statuses=ACTION_NEEDED
    )
    workers = Worker.objects.filter(
        user__isnull=False, user__is_active=True, end_date__isnull=True
    ).select_related("user", "team")
    users = {w.pk: w.user for w in workers}
    managers = {t.pk: (t.name, t.manager_id) for t in Team.objects.all()}
    own: dict[int, list[Deadline]] = defaultdict(list)
    by_team: dict[int, list[Deadline]] = defaultdict(list)
    for d in rows:
        if d.clock.worker_id in users:
            own[d.clock.worker_id].append(d)
        if d.clock.team_id and d.status in MANAGER_SEES:
            by_team[d.clock.team_id].append(d)
    digests: dict[int, Digest] = {}
    for worker_id, worker_rows in own.items():
        digests.setdefault(worker_id, Digest(recipient=users[worker_id])).own = worker_rows
    for team_id, team_rows in by_team.items():
        name, manager_id = managers.get(team_id, ("", None))
        if manager_id in users:
            digests.setdefault(manager_id, Digest(recipient=users[manager_id])).team[name] = (
                team_rows
            )
    return [d for d in map(_only_visible, digests.values()) if d.own or d.team]


def _only_visible(digest: Digest) -> Digest:
    """The digest without the children its recipient may not see."""
    named = {d.child.pk for d in digest.own} | {
        d.child.pk for rows in digest.team.values() for d in rows
    }
    visible = set(
        children_visible_to(digest.recipient).filter(pk__in=named).values_list("pk", flat=True)
    )
    digest.own = [d for d in digest.own if d.child.pk in visible]
    team = {name: [d for d in rows if d.child.pk in visible] for name, rows in digest.team.items()}
    digest.team = {name: rows for name, rows in team.items() if rows}
    return digest
