"""List pages of reference data and reports (the indicators and collected data, the
Returns page, deadline rules, school terms, ...) issue the same number of queries for
1 row as for 200: nothing is read row by row (issue 17)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.inspection.models import InspectorGrant
from kinfolio.performance.indicators.collected import COLLECTED
from kinfolio.performance.models import CollectedFigure
from kinfolio.returns.models import ReturnIssue, ValidationRun
from kinfolio.timescales.models import SchoolTerm, TimescaleRule
from kinfolio.workforce.models import Allocation
from tests.factories import (
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    D,
    DecidedContactFactory,
    WorkerFactory,
    at,
)
from tests.factories_care import CareEpisodeFactory
from tests.inspection.factories import audit_of, inspection_2012, make_action
from tests.query_counts.test_list_pages import counts_while_growing

pytestmark = pytest.mark.django_db


def test_indicators_whatever_the_records_counted(client, make_user):
    client.force_login(make_user(Role.PERFORMANCE_ANALYST))

    def grow(n: int) -> None:
        for i in range(n):
            day = D(2025, 4, 1) + dt.timedelta(days=i)
            CINEpisodeFactory(referral_date=day)
            ChildProtectionPlanFactory(start_date=day)

    url = reverse("performance:indicators") + "?period=2025-26"
    first, second = counts_while_growing(client, url, grow)
    assert first == second


def test_collected_data(client, make_user):
    client.force_login(make_user(Role.PERFORMANCE_ANALYST))

    def grow(n: int) -> None:
        made = CollectedFigure.objects.count()
        for i in range(made, made + n):
            CollectedFigure.objects.create(
                indicator_id=COLLECTED[i % len(COLLECTED)].id,
                period=f"{1800 + i // len(COLLECTED)}-{(1801 + i // len(COLLECTED)) % 100:02d}",
                value=52_000 + i,
                source="test",
            )

    first, second = counts_while_growing(client, reverse("performance:collected"), grow)
    assert first == second


def test_returns(client, make_user):
    manager = make_user(Role.PERFORMANCE_ANALYST)
    client.force_login(manager)

    def grow(n: int) -> None:
        for i in range(n):
            ValidationRun.objects.create(
                kind=("cin", "ssda903")[i % 2],
                collection_year=2024 + i % 3,
                requested_by=manager,
                status=ValidationRun.Status.DONE,
                finished_at=timezone.now(),
                error_count=i,
            )

    first, second = counts_while_growing(client, reverse("returns:index"), grow)
    assert first == second


def test_deadline_rules_with_their_versions(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))
    rule = TimescaleRule.objects.order_by("pk").first()

    def grow(n: int) -> None:
        made = TimescaleRule.objects.filter(key=rule.key).count()
        for i in range(made, made + n):
            TimescaleRule.objects.create(
                key=rule.key,
                name=rule.name,
                start_event=rule.start_event,
                stop_event=rule.stop_event,
                interval=rule.interval,
                unit=rule.unit,
                source=rule.source,
                effective_from=rule.effective_from + dt.timedelta(days=i),
                created_by=make_user(Role.ADMINISTRATOR, username=f"rule-maker-{i}"),
            )

    first, second = counts_while_growing(client, reverse("timescales:rules"), grow)
    assert first == second


def test_school_terms(client, make_user):
    client.force_login(make_user(Role.ADMINISTRATOR))

    def grow(n: int) -> None:
        made = SchoolTerm.objects.count()
        for i in range(made, made + n):
            first = D(1900, 9, 1) + dt.timedelta(days=7 * i)
            SchoolTerm.objects.create(
                academic_year=f"{first.year}/{(first.year + 1) % 100:02d}",
                term="autumn",
                name=f"Week {i}",
                start_date=first,
                end_date=first + dt.timedelta(days=5),
            )

    first, second = counts_while_growing(client, reverse("timescales:terms"), grow)
    assert first == second


def test_a_validation_runs_errors_linked_to_children(client, make_user):
    manager = make_user(Role.PERFORMANCE_ANALYST)
    client.force_login(manager)
    run = ValidationRun.objects.create(
        kind="cin", collection_year=2026, requested_by=manager, status=ValidationRun.Status.DONE
    )

    def grow(n: int) -> None:
        for i in range(n):
            child = ChildFactory()
            ReturnIssue.objects.create(
                run=run,
                rule=f"{100 + i % 7}",
                message="A rule the DfE's validator checks",
                la_child_id=child.local_id,
                child=child,
                table="Header",
                field="UPN",
            )

    url = reverse("returns:run", args=[run.pk])
    first, second = counts_while_growing(client, url, grow)
    assert first == second
    assert sum(group.count for group in client.get(url).context["groups"]) == 200


def test_the_children_an_iro_reviews(client, make_user):
    iro = WorkerFactory()
    client.force_login(make_user(Role.SERVICE_MANAGER))

    def grow(n: int) -> None:
        for _ in range(n):
            child = CareEpisodeFactory(period__start_date=D(2025, 1, 6)).period.child
            Allocation.objects.create(
                child=child, role="iro", team=iro.team, worker=iro, start_date=D(2025, 1, 6)
            )

    url = reverse("iros:children", args=[iro.pk])
    first, second = counts_while_growing(client, url, grow)
    assert first == second
    assert len(client.get(url).context["children"]) == 200


def test_inspectors_with_their_time_limited_access(client, make_user):
    director = make_user(Role.DIRECTOR)
    client.force_login(director)

    def grow(n: int) -> None:
        for _ in range(n):
            InspectorGrant.objects.create(
                inspector=make_user(Role.INSPECTOR),
                period_start=D(2026, 6, 1),
                period_end=D(2026, 11, 30),
                access_until=timezone.now() + dt.timedelta(days=14),
                granted_by=director,
            )

    url = reverse("inspection:inspectors")
    first, second = counts_while_growing(client, url, grow)
    assert first == second
    assert len(client.get(url).context["grants"]) == 200


def test_case_file_audits_and_their_samples(client, make_user):
    director = make_user(Role.DIRECTOR)
    client.force_login(director)

    def grow(n: int) -> None:
        for _ in range(n):
            audit_of(ChildFactory(), auditor=director, moderator=make_user(Role.TEAM_MANAGER))

    url = reverse("quality_assurance:audits")
    first, second = counts_while_growing(client, url, grow)
    assert first == second
    page = client.get(url).context
    assert (len(page["mine"]), len(page["samples"])) == (200, 200)


def test_records_due_for_retention_review(client, make_user):
    client.force_login(make_user(Role.DATA_PROTECTION_OFFICER))

    def grow(n: int) -> None:
        for _ in range(n):
            child = ChildFactory(date_of_birth=D(2012, 4, 1))
            DecidedContactFactory(
                child=child, received_at=at(2015, 1, 9), decided_at=at(2015, 1, 10)
            )

    url = reverse("audit:retention")
    first, second = counts_while_growing(client, url, grow)
    assert first == second
    assert client.get(url).context["total"] == 200


def test_an_inspections_action_plan_with_its_actions(client, make_user):
    client.force_login(make_user(Role.DIRECTOR))
    inspection = inspection_2012()
    recommendations = list(inspection.recommendations.all())

    def grow(n: int) -> None:
        for i in range(n):
            make_action(
                due_on=D(2026, 6, 1) + dt.timedelta(days=i),
                recommendation=recommendations[i % len(recommendations)],
                owner=make_user(Role.SERVICE_MANAGER),
            )

    url = reverse("inspection:action-plan", args=[inspection.pk])
    first, second = counts_while_growing(client, url, grow)
    assert first == second
    shown = client.get(url).context["recommendations"]
    assert sum(len(r.actions.all()) for r in shown) == 200
