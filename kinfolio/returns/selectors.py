"""Reads for the Returns page and the child's data-quality panel."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q, Subquery

from kinfolio.people.models import Person
from kinfolio.people.selectors import restricted_people_hidden_from
from kinfolio.returns.models import KIND_CHOICES, ReturnIssue, ValidationRun
from kinfolio.returns.years import CollectionYear, supported_years

HISTORY_LIMIT = 24
CHART_HEIGHT = 120  # pixels of the tallest bar
BAR_STEP = 48  # pixels from one bar to the next


@dataclass
class YearRow:
    year: CollectionYear
    cells: list[tuple[str, str, ValidationRun | None]]  # kind, its name, latest run


@dataclass
class RuleGroup:
    rule: str
    message: str
    issues: list[ReturnIssue] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.issues)


def years_with_latest_runs() -> list[YearRow]:
    """Each collection year, newest first, with the latest validation of each return."""
    latest: dict[tuple[str, int], ValidationRun] = {}
    for run in ValidationRun.objects.order_by("requested_at", "pk"):
        latest[(run.kind, run.collection_year)] = run
    return [
        YearRow(
            year,
            [(kind, label, latest.get((kind, year.end_year))) for kind, label in KIND_CHOICES],
        )
        for year in reversed(supported_years())
    ]


def error_history() -> list[dict]:
    """The finished validations, oldest first, with bar heights for the chart."""
    runs = list(
        ValidationRun.objects.filter(status=ValidationRun.Status.DONE).order_by(
            "-finished_at", "-pk"
        )[:HISTORY_LIMIT]
    )[::-1]
    tallest = max((run.error_count or 0 for run in runs), default=0) or 1
    points = []
    for index, run in enumerate(runs):
        height = round(CHART_HEIGHT * (run.error_count or 0) / tallest)
        points.append(
            {
                "run": run,
                "year": CollectionYear(run.collection_year).label,
                "x": index * BAR_STEP,
                "y": CHART_HEIGHT - height,
                "height": height,
            }
        )
    return points


def issues_by_rule(run: ValidationRun, user) -> list[RuleGroup]:
    """The run's errors grouped by rule, in two queries. An error on a child whose
    record is restricted from ``user`` is marked ``hidden``: the page says "a
    restricted record" without the child's ID, as the restriction hides even that."""
    issues = list(run.issues.order_by("rule", "la_child_id", "table", "field"))
    hidden = set(
        restricted_people_hidden_from(user)
        .filter(pk__in={issue.child_id for issue in issues if issue.child_id})
        .values_list("pk", flat=True)
    )
    groups: dict[str, RuleGroup] = {}
    for issue in issues:
        issue.hidden = issue.child_id in hidden
        group = groups.setdefault(issue.rule, RuleGroup(issue.rule, issue.message))
        group.issues.append(issue)
    return sorted(groups.values(), key=lambda g: (-g.count, g.rule))


def child_data_quality(child: Person) -> list[ReturnIssue]:
    """The child's errors in the latest finished validation of each return (one query)."""
    finished = ValidationRun.objects.filter(status=ValidationRun.Status.DONE)
    latest = finished.order_by("-finished_at", "-pk").values("pk")
    in_latest = reduce(
        or_, (Q(run_id=Subquery(latest.filter(kind=kind)[:1])) for kind, _ in KIND_CHOICES)
    )
    return list(
        ReturnIssue.objects.filter(in_latest, child=child)
        .select_related("run")
        .order_by("run__kind", "rule", "table", "field")
    )
