"""Looked after reviews booked by the timescales engine, held, and the IROs' workload."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.models import LACReview
from kinfolio.children_in_care.selectors import iro_workloads
from kinfolio.children_in_care.services.care import PlacementDetails, start_looked_after
from kinfolio.children_in_care.services.reviews import hold_review
from kinfolio.workforce.models import Allocation
from tests.factories import D, WorkerFactory
from tests.factories_accounts import staff
from tests.factories_care import ChildFactory, FosterHouseholdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"])


MONDAY_3_MARCH_2025 = D(2025, 3, 3)


def _in_care(child, by, day=MONDAY_3_MARCH_2025):
    return start_looked_after(
        child=child,
        day=day,
        legal_status="C1",
        category_of_need="N1",
        placement=PlacementDetails("U6", "PR1", foster_household=FosterHouseholdFactory()),
        by=by,
    )


def _hold(review, by, chair, **voice):
    voice = voice or {"childs_views": "Wants to stay with her carers."}
    return hold_review(
        review=review,
        review_date=review.due_date,
        participation="PN1",
        chair=chair,
        childs_views=voice.get("childs_views", ""),
        childs_views_not_recorded_code=voice.get("code", ""),
        childs_views_not_recorded_reason=voice.get("reason", ""),
        by=by,
    )


def test_reviews_are_booked_20_working_days_then_3_months_then_6_months(worker, two_services):
    period = _in_care(two_services["ours"], worker)  # Monday 3 March 2025
    iro = WorkerFactory()

    first = period.reviews.get()
    second = _hold(first, worker, iro) and period.reviews.get(review_date__isnull=True)
    third = _hold(second, worker, iro) and period.reviews.get(review_date__isnull=True)

    # 20 working days from 3 March 2025 (no bank holiday before Good Friday 18 April).
    assert first.due_date == D(2025, 3, 31)
    assert second.due_date == D(2025, 6, 30)
    assert third.due_date == D(2025, 12, 30)


def test_a_review_without_the_childs_voice_is_refused_and_nothing_written(worker, two_services):
    review = _in_care(two_services["ours"], worker).reviews.get()
    history = ChangeEvent.objects.count()

    with pytest.raises(ValidationError) as refused:
        _hold(review, worker, WorkerFactory(), childs_views=" ")

    assert "childs_views" in refused.value.message_dict
    assert LACReview.objects.get(pk=review.pk).review_date is None
    assert LACReview.objects.count() == 1
    assert ChangeEvent.objects.count() == history


def _iro_with(children, today_due: list[dt.date]):
    iro = WorkerFactory(fte=1)
    for child, due in zip(children, today_due, strict=True):
        Allocation.objects.create(
            child=child, worker=iro, team=iro.team, role="iro", start_date=D(2025, 1, 1)
        )
        period = child.periods_of_care.get()
        period.reviews.update(due_date=due)
    return iro


def test_iro_workload_counts_children_overdue_and_due_soon(settings, worker, two_services):
    settings.KINFOLIO_IRO_CASELOAD_CEILING = 2
    today = D(2025, 4, 10)
    children = [ChildFactory() for _ in range(3)]
    for child in children:
        _in_care(child, worker)
        Allocation.objects.create(
            child=child, team=two_services["team"], role="social_worker", start_date=D(2025, 1, 1)
        )
    iro = _iro_with(children, [D(2025, 4, 1), D(2025, 4, 20), D(2025, 9, 1)])
    manager = staff(Role.SERVICE_MANAGER)

    [row] = [r for r in iro_workloads(user=manager, today=today) if r.pk == iro.pk]

    assert (row.children, row.overdue, row.due_soon, row.over_ceiling) == (3, 1, 1, True)


def test_iro_workload_query_count_does_not_grow_with_iros(
    client, django_assert_num_queries, worker, two_services
):
    manager = staff(Role.SERVICE_MANAGER)
    client.force_login(manager)
    url = reverse("iros:workload")
    child = ChildFactory()
    _in_care(child, worker)
    _iro_with([child], [D(2025, 4, 1)])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for _ in range(5):
        more = ChildFactory()
        _in_care(more, worker)
        _iro_with([more], [D(2025, 4, 1)])

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)

    assert response.content.decode().count("iros/") >= 6


def test_iro_workload_refuses_a_partner_and_shows_a_manager(client, two_services):
    client.force_login(staff(Role.PARTNER_REFERRER))
    assert client.get(reverse("iros:workload")).status_code == 403
    client.force_login(staff(Role.TEAM_MANAGER, team=two_services["team"]))
    assert "IRO workload" in client.get(reverse("iros:workload")).content.decode()
