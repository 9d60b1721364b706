"""The child's record shows the child's errors from the latest finished validation of
each return, in one query."""

import datetime as dt

import pytest
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.returns.models import ReturnIssue, ValidationRun
from kinfolio.returns.selectors import child_data_quality
from tests.factories import ChildFactory
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


def _run(kind: str, hours_ago: int, status=ValidationRun.Status.DONE) -> ValidationRun:
    return ValidationRun.objects.create(
        kind=kind,
        collection_year=2026,
        requested_by=UserFactory(role=Role.PERFORMANCE_ANALYST),
        status=status,
        finished_at=timezone.now() - dt.timedelta(hours=hours_ago),
    )


def test_child_data_quality_reads_the_latest_finished_run_of_each_return(
    django_assert_num_queries,
):
    child, other = ChildFactory(), ChildFactory()
    runs = {
        "old cin": _run("cin", 5),
        "cin": _run("cin", 2),
        "failed cin": _run("cin", 1, status=ValidationRun.Status.FAILED),
        "ssda903": _run("ssda903", 3),
    }
    for name, run in runs.items():
        for who in (child, other):
            ReturnIssue.objects.create(run=run, rule=name, message="Wrong", child=who)
    with django_assert_num_queries(1):
        issues = child_data_quality(child)
    assert [(issue.rule, issue.child) for issue in issues] == [
        ("cin", child),
        ("ssda903", child),
    ]
