from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.audit.models import AccessLogEntry
from kinfolio.core.context_processors import home_for
from kinfolio.inspection.access import end_inspector_access, grant_inspector_access
from kinfolio.inspection.models import AnnexARun
from tests.factories_accounts import UserFactory
from tests.inspection.factories import finished_annex_a_run, make_action

pytestmark = pytest.mark.django_db


def grant(**overrides):
    fields = {
        "username": "hmi-cawston",
        "first_name": "Helen",
        "last_name": "Cawston",
        "email": "helen.cawston@ofsted.example",
        "period_start": date(2026, 6, 1),
        "period_end": date(2026, 11, 30),
        "days": 14,
        "by": UserFactory(role=Role.DIRECTOR),
    }
    return grant_inspector_access(**(fields | overrides))


def test_grant_makes_a_time_limited_read_only_inspector():
    made, password = grant()
    inspector = made.inspector
    assert inspector.role == Role.INSPECTOR
    assert inspector.check_password(password)
    assert inspector.access_expires_at == made.access_until
    assert timedelta(days=13) < made.access_until - timezone.now() <= timedelta(days=14)
    assert has_permission(inspector, Permission.VIEW_INSPECTION)
    assert not has_permission(inspector, Permission.MANAGE_ACTION_PLANS)
    assert not has_permission(inspector, Permission.VIEW_CHILD_RECORD)
    assert home_for(inspector) == reverse("inspection:home")


def test_grant_refuses_more_than_six_weeks():
    with pytest.raises(ValidationError, match="1 to 42 days"):
        grant(days=60)


def test_ended_access_refuses_every_page(client):
    made, _ = grant()
    end_inspector_access(grant=made, by=made.granted_by)
    made.inspector.refresh_from_db()
    assert not has_permission(made.inspector, Permission.VIEW_INSPECTION)
    client.force_login(made.inspector)
    assert client.get(reverse("inspection:history")).status_code == 403


def test_inspector_landing_page_lists_what_they_may_see_and_logs_it(client):
    in_period = finished_annex_a_run()  # 1 June to 30 November 2026
    outside = AnnexARun.objects.create(
        start=date(2025, 1, 1), end=date(2025, 6, 30), status="done", workbook=b"PK",
        requested_by=in_period.requested_by,
    )  # fmt: skip
    made, _ = grant()
    client.force_login(made.inspector)

    body = client.get(reverse("inspection:home")).content.decode()

    assert "closes on" in body
    assert reverse("inspection:history") in body
    assert reverse("inspection:inspector-annex-a", args=[in_period.pk]) in body
    assert reverse("inspection:inspector-annex-a", args=[outside.pk]) not in body
    assert client.get(reverse("inspection:inspector-annex-a", args=[outside.pk])).status_code == 404
    assert client.get(reverse("inspection:inspector-annex-a", args=[in_period.pk])).content == b"PK"
    logged = AccessLogEntry.objects.filter(user=made.inspector).values_list("action", flat=True)
    assert {"view_record", "export"} <= set(logged)


def test_inspector_cannot_change_an_action(client):
    action = make_action(due_on=date(2012, 10, 20))
    made, _ = grant()
    client.force_login(made.inspector)
    url = reverse("inspection:action", args=[action.pk])
    assert (
        client.post(url, {"form": "progress", "note": "x", "status": "complete"}).status_code == 403
    )


def test_inspectors_page_creates_an_account_and_shows_the_password_once(client):
    assert client.get(reverse("inspection:inspectors"))["Location"].startswith("/account/")
    client.force_login(UserFactory(role=Role.TEAM_MANAGER))
    assert client.get(reverse("inspection:inspectors")).status_code == 403
    client.force_login(UserFactory(role=Role.DIRECTOR))
    response = client.post(
        reverse("inspection:inspectors"),
        {
            "first_name": "Helen", "last_name": "Cawston", "email": "hc@ofsted.example",
            "username": "hmi-hc", "inspectorate": "Ofsted",
            "period_start_0": "1", "period_start_1": "6", "period_start_2": "2026",
            "period_end_0": "30", "period_end_1": "11", "period_end_2": "2026", "days": "14",
        },
    )  # fmt: skip
    assert "one-off password" in response.content.decode()
    assert "Helen Cawston (Ofsted)" in client.get(reverse("inspection:inspectors")).content.decode()
