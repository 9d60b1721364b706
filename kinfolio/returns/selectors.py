"""Reads for the Returns page and the child's data-quality panel."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q, Subquery

from kinfolio.people.models import Person
from kinfolio.people.selectors import restricted_people_hidden_from
from kinfolio.returns.models import KIND_CHOICES, ReturnIssue, ValidationRun
from kinfolio.returns.validation.known_faults import KnownFault, known_fault
from kinfolio.returns.years import CollectionYear, supported_years

HISTORY_LIMIT = 24
CHART_HEIGHT = 120  # pixels of the tallest bar
BAR_WIDTH = 18  # pixels: a validation's errors and its queries side by side
BAR_STEP = 48  # pixels from one validation to the next


@dataclass
class YearRow:
    year: CollectionYear
    cells: list[tuple[str, str, ValidationRun | None]]  # kind, its name, latest run


@dataclass
class RuleGroup:
    rule: str
    message: str
    query: bool  # the rule's findings are queries, not errors
    # The validator release that ran is known to report this rule on valid records:
    # the group is marked with the fault, and still counted and listed.
    fault: KnownFault | None = None
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
    """The finished validations, oldest first, with the heights of two bars for the
    chart: the errors, and beside them the queries."""
    runs = list(
        ValidationRun.objects.filter(status=ValidationRun.Status.DONE).order_by(
            "-finished_at", "-pk"
        )[:HISTORY_LIMIT]
    )[::-1]
    counts = [(run.error_count or 0, run.query_count or 0) for run in runs]
    tallest = max((max(pair) for pair in counts), default=0) or 1
    points = []
    for index, (run, (errors, queries)) in enumerate(zip(runs, counts, strict=True)):
        error_height = round(CHART_HEIGHT * errors / tallest)
        query_height = round(CHART_HEIGHT * queries / tallest)
        points.append(
            {
                "run": run,
                "year": CollectionYear(run.collection_year).label,
                "x": index * BAR_STEP,
                "query_x": index * BAR_STEP + BAR_WIDTH,
                "y": CHART_HEIGHT - error_height,
                "height": error_height,
                "query_y": CHART_HEIGHT - query_height,
                "query_height": query_height,
            }
        )
    return points


def fault_of(run: ValidationRun, rule: str) -> KnownFault | None:
    """The known fault under ``rule`` of the validator release that made ``run``."""
    return known_fault(package=run.validator, version=run.validator_version, rule=rule)


def issues_by_rule(run: ValidationRun, user) -> list[RuleGroup]:
    """The run's errors grouped by rule, then its queries, in two queries, each group
    with the validator's known fault under its rule, if any. A finding on a child whose
    record is restricted from ``user`` is marked ``hidden``: the page says "a restricted
    record" without the child's ID, as the restriction hides even that."""
    issues = list(run.issues.order_by("rule", "la_child_id", "table", "field"))
    hidden = set(
        restricted_people_hidden_from(user)
        .filter(pk__in={issue.child_id for issue in issues if issue.child_id})
        .values_list("pk", flat=True)
    )
    groups: dict[str, RuleGroup] = {}
    for issue in issues:
        issue.hidden = issue.child_id in hidden
        group = groups.setdefault(
            issue.rule,
            RuleGroup(issue.rule, issue.message, issue.query, fault_of(run, issue.rule)),
        )
        group.issues.append(issue)
    return sorted(groups.values(), key=lambda g: (g.query, -g.count, g.rule))


def child_data_quality(child: Person) -> list[ReturnIssue]:
    """The child's errors, then queries, in the latest finished validation of each
    return (one query), each with ``fault``: the validator's known fault under its rule,
    if any."""
    finished = ValidationRun.objects.filter(status=ValidationRun.Status.DONE)
    latest = finished.order_by("-finished_at", "-pk").values("pk")
    in_latest = reduce(
        or_, (Q(run_id=Subquery(latest.filter(kind=kind)[:1])) for kind, _ in KIND_CHOICES)
    )
    issues = list(
        ReturnIssue.objects.filter(in_latest, child=child)
        .select_related("run")
        .order_by("query", "run__kind", "rule", "table", "field")
    )
    for issue in issues:
        issue.fault = fault_of(issue.run, issue.rule)
    return issues
