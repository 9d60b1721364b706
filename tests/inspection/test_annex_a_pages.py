from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.inspection.models import AnnexARun
from tests.factories import ContactFactory, at
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("inspection:annex-a")
PERIOD = {"start_0": "1", "start_1": "6", "start_2": "2026"} | {
    "end_0": "30",
    "end_1": "11",
    "end_2": "2026",
}


def test_annex_a_page_unauthenticated_and_unauthorised(client):
    assert client.get(URL)["Location"].startswith(reverse("accounts:sign-in"))
    for role in (Role.TEAM_MANAGER, Role.INSPECTOR, Role.PERFORMANCE_ANALYST):
        client.force_login(UserFactory(role=role))
        assert client.get(URL).status_code == 403


def test_annex_a_is_queued_and_shows_its_progress(client, django_capture_on_commit_callbacks):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(URL, PERIOD)
    run = AnnexARun.objects.get()
    assert len(callbacks) == 1  # the task is queued once the run is saved
    assert run.status == AnnexARun.Status.QUEUED
    assert "refreshes itself" in client.get(response["Location"]).content.decode()


def test_annex_a_is_written_by_the_task_and_downloaded(
    client, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    ContactFactory(received_at=at(2026, 7, 1))
    director = UserFactory(role=Role.DIRECTOR)
    client.force_login(director)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, PERIOD)

    run = AnnexARun.objects.get()
    assert response["Location"] == reverse("inspection:annex-a-run", args=[run.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Download the workbook" in page
    download = client.get(reverse("inspection:annex-a-download", args=[run.pk]))
    workbook = load_workbook(BytesIO(download.content), read_only=True)
    assert len(workbook.sheetnames) == 11
    assert len(list(workbook["List 1"].iter_rows())) == 2
    assert AccessLogEntry.objects.filter(user=director, action="export").exists()


def test_annex_a_refuses_a_period_that_ends_before_it_starts(client):
    client.force_login(UserFactory(role=Role.SERVICE_MANAGER))
    dates = {"start_0": "1", "start_1": "6", "start_2": "2026"}
    dates |= {"end_0": "1", "end_1": "1", "end_2": "2026"}
    response = client.post(URL, dates)
    assert "The end of the period must be on or after its start" in response.content.decode()
    assert not AnnexARun.objects.exists()
