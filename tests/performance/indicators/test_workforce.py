"""Hand-worked scenarios for allocation, caseloads, agency workers and the child's voice."""

from decimal import Decimal

import pytest

from kinfolio.workforce.models import Allocation
from tests.factories import (
    AssessmentFactory,
    CINEpisodeFactory,
    D,
    TeamFactory,
    VisitFactory,
    WorkerFactory,
)
from tests.performance.indicators.helpers import children, counting_queries, figure, triple

pytestmark = pytest.mark.django_db


JANUARY_2024 = D(2024, 1, 1)


def allocate(child, worker, start=JANUARY_2024, end=None):
    return Allocation.objects.create(
        child=child,
        role="social_worker",
        team=worker.team,
        worker=worker,
        start_date=start,
        end_date=end,
    )


def test_unallocated_children_and_caseloads_at_the_end_of_the_year():
    team = TeamFactory()
    full_time = WorkerFactory(team=team)
    part_time = WorkerFactory(team=team, fte=Decimal("0.5"))
    WorkerFactory(team=team)  # holds no case
    WorkerFactory(team=team, is_agency=True, fte=Decimal("0.5"))
    WorkerFactory(team=team, start_date=D(2025, 4, 1))  # not yet in post
    open_children = [
        CINEpisodeFactory(referral_date=D(2024, 1, 1), team=team).child for _ in range(4)
    ]
    allocate(open_children[0], full_time)
    allocate(open_children[1], full_time)
    allocate(open_children[2], part_time)
    # The last child's allocation ended on 31 March: unallocated at the end of it.
    allocate(open_children[3], part_time, end=D(2025, 3, 31))

    found = figure("unallocated")
    assert (found.numerator, found.denominator, found.value) == (1, 4, 25.0)
    assert children(found.numerator_rows) == {open_children[3].pk}
    # Counted by the database (numerator and denominator), no child read to count them.
    assert [sql.startswith("SELECT COUNT(") for sql in counting_queries("unallocated")] == [
        True,
        True,
    ]
    # 3 cases held by 1.5 FTE of case holders: 2 each.
    assert triple("caseload_per_worker") == (3, 1.5, 2.0)
    # In post: 1 + 0.5 + 1 + 0.5 FTE, of whom 0.5 agency: 0.5 / 3 = 16.7%.
    assert triple("agency_social_workers") == (0.5, 3, 16.7)


def test_the_childs_views_recorded_on_assessments_and_visits_where_seen():
    AssessmentFactory(authorised_date=D(2024, 5, 1), outcome_cin_plan=True)
    AssessmentFactory(
        authorised_date=D(2024, 5, 1),
        outcome_cin_plan=True,
        childs_views="  ",
        childs_views_not_recorded_code="too_young",
        childs_views_not_recorded_reason="Four weeks old.",
    )
    VisitFactory(visit_date=D(2024, 6, 1), childs_views="She showed me her drawings.")
    VisitFactory(visit_date=D(2024, 6, 1), childs_views="")
    VisitFactory(visit_date=D(2024, 6, 1), seen=False)  # not seen: views not expected
    AssessmentFactory(authorised_date=D(2025, 4, 1), outcome_cin_plan=True)  # next year

    assert triple("childs_voice") == (2, 4, 50.0)
    # The assessment gives a reason; the visit with no views gives none: 1 / 4.
    assert triple("childs_voice_missing") == (1, 4, 25.0)
    # Both figures from one count per kind of record (assessments, conferences, looked
    # after reviews, visits), shared between them.
    queries = counting_queries("childs_voice", "childs_voice_missing")
    assert len(queries) == 4
    assert all(sql.startswith("SELECT COUNT(") for sql in queries)
