import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import RestrictedRecord
from kinfolio.returns import services
from kinfolio.returns.models import ValidationRun
from kinfolio.returns.validation.client import Finding, Result
from kinfolio.returns.years import CollectionYear
from tests.factories import ChildFactory, D, TeamFactory
from tests.factories_accounts import UserFactory
from tests.factories_care import CareEpisodeFactory, PeriodOfCareFactory

pytestmark = pytest.mark.django_db
YEAR = CollectionYear.parse("2025-26")
PAGES = [
    ("get", reverse("returns:index")),
    ("get", reverse("returns:download", args=["ssda903", "2025-26"])),
    ("post", reverse("returns:validate")),
]


@pytest.mark.parametrize(("method", "url"), PAGES)
def test_returns_pages_unauthenticated_go_to_sign_in(client, method, url):
    response = getattr(client, method)(url)
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize(("method", "url"), PAGES)
@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.INSPECTOR])
def test_returns_pages_refuse_other_roles(client, method, url, role):
    client.force_login(UserFactory(role=role))
    assert getattr(client, method)(url, {"kind": "cin", "year": "2025-26"}).status_code == 403


def test_returns_index_lists_every_year_for_an_analyst(client):
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    response = client.get(reverse("returns:index"))
    assert response.status_code == 200
    for label in ("2023/24", "2024/25", "2025/26", "2026/27"):
        assert label in response.text
    assert "No return has been validated yet" in response.text


def test_returns_download_is_a_zip_of_the_tables(client, looked_after_child):
    client.force_login(UserFactory(role=Role.PERFORMANCE_ANALYST))
    response = client.get(reverse("returns:download", args=["ssda903", "2025-26"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('ssda903-2025-26.zip"')
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_validate_queues_a_background_task_and_shows_its_progress(
    client, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(role=Role.SERVICE_MANAGER))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("returns:validate"), {"kind": "cin", "year": "2025-26"})
    run = ValidationRun.objects.get()
    assert response["Location"] == reverse("returns:run", args=[run.pk])
    assert (run.kind, run.collection_year, run.status) == ("cin", 2026, "queued")
    page = client.get(response["Location"])
    assert 'http-equiv="refresh"' in page.text
    assert "Waiting to start" in page.text


def test_validation_errors_are_grouped_by_rule_and_link_to_the_child(client):
    """A placement with parents under section 20 (rule 378), found by the DfE's
    validator, is listed under its rule, links to the child, and shows on the child's
    record."""
    period = PeriodOfCareFactory(child__local_id="KF0000009", start_date=D(2025, 6, 2))
    CareEpisodeFactory(period=period, legal_status="V2", placement_type="P1")
    manager = UserFactory(role=Role.SERVICE_MANAGER)
    run = ValidationRun.objects.create(kind="ssda903", collection_year=2026, requested_by=manager)
    services.run_validation(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == "done"
    assert run.issues.filter(rule="378", child=period.child).exists()

    client.force_login(manager)
    page = client.get(reverse("returns:run", args=[run.pk]))
    assert 'data-testid="rule-378"' in page.text
    child_url = reverse("people:child", args=["KF0000009"])
    assert f'href="{child_url}#data-quality"' in page.text

    TeamFactory()
    record = client.get(child_url)
    assert record.status_code == 200
    assert 'data-testid="data-quality"' in record.text
    assert "378" in record.text


def test_an_error_on_a_restricted_child_hides_the_child_from_users_not_named(client):
    """An analyst not named on a restriction sees "a restricted record", neither the
    LA child ID nor a link; one named on it sees the child as any other."""
    open_child = ChildFactory(local_id="KF0000011")
    restricted_child = ChildFactory(local_id="KF0000012")
    analyst, named = (UserFactory(role=Role.PERFORMANCE_ANALYST) for _ in range(2))
    restriction = RestrictedRecord.objects.create(
        child=restricted_child,
        reason="Staff member's child",
        restricted_on=D(2025, 1, 1),
        restricted_by=UserFactory(),
    )
    restriction.allowed_users.add(named)
    run = ValidationRun.objects.create(
        kind="ssda903", collection_year=2026, requested_by=analyst, status="done"
    )
    for child in (open_child, restricted_child):
        run.issues.create(rule="378", message="Placement", la_child_id=child.local_id, child=child)
    url = reverse("returns:run", args=[run.pk])

    client.force_login(analyst)
    page = client.get(url).text
    assert "KF0000011" in page
    assert "KF0000012" not in page
    assert "A restricted record" in page

    client.force_login(named)
    page = client.get(url).text
    assert "KF0000012" in page
    assert "A restricted record" not in page


def test_queries_are_counted_and_shown_apart_from_errors(client, monkeypatch):
    """A CIN query (8670Q) is something the DfE asks a council to check, not an error:
    the run counts it apart, and the pages and the chart's table show it apart."""
    child = ChildFactory(local_id="KF0000013")
    found = [
        Finding("8670Q", "Assessment open", child.local_id, "Assessment", "Date", 1, query=True),
        Finding("8670Q", "Assessment open", child.local_id, "Assessment", "Date", 2, query=True),
        Finding("8500", "LA child ID missing", child.local_id, "Child", "LAchildID", 3),
    ]
    monkeypatch.setattr(
        services,
        "run_validator",
        lambda kind, year, target: Result(found, 1.0, [], "csc-validator-be-cin", "0.1.13"),
    )
    analyst = UserFactory(role=Role.PERFORMANCE_ANALYST)
    run = ValidationRun.objects.create(kind="cin", collection_year=2026, requested_by=analyst)
    services.run_validation(run_id=run.pk)
    run.refresh_from_db()
    assert (run.error_count, run.query_count) == (1, 2)
    assert run.issues.filter(query=True).count() == 2

    client.force_login(analyst)
    index = client.get(reverse("returns:index")).text
    assert "1 error, 2 queries" in index
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in index
    page = client.get(reverse("returns:run", args=[run.pk])).text
    assert "Rule 8500: 1 error" in page
    assert "Rule 8670Q: 2 queries" in page
    assert page.index("Rule 8500") < page.index("Rule 8670Q")
