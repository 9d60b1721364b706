"""The unusual access report: volume, out of hours and outside team, from access log rows."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.services import access_log, record_access
from kinfolio.audit.unusual_access import unusual_access_report
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, D, TeamFactory, at
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db
START, END = D(2025, 8, 18), D(2025, 9, 14)  # 25 August 2025 is a bank holiday


@pytest.fixture
def view(monkeypatch):
    """Write a record view to the access log as if it happened at ``when``."""

    def write(user, child, when):
        with monkeypatch.context() as patch:
            patch.setattr(access_log.timezone, "now", lambda: when)
            return record_access(by=user, action="view_record", child=child)

    return write


@pytest.fixture
def thresholds(settings):
    settings.KINFOLIO_UNUSUAL_DAILY_VIEWS = 100
    settings.KINFOLIO_UNUSUAL_MULTIPLE_OF_MEDIAN = 3
    settings.KINFOLIO_UNUSUAL_MINIMUM_VIEWS = 4
    settings.KINFOLIO_WORKING_HOURS = (7, 19)


def test_heavy_day_is_more_than_three_times_the_median(view, thresholds):
    user, child = staff(), ChildFactory()
    for day in (1, 2, 3, 4, 5):
        for _ in range(2):
            view(user, child, at(2025, 9, day, 10))
    for _ in range(8):
        view(user, child, at(2025, 9, 10, 11))  # 8 > 3 × median 2
    report = unusual_access_report(START, END)
    assert [(h.username, h.day, h.views, h.median) for h in report.heavy_days] == [
        (user.username, D(2025, 9, 10), 8, 2)
    ]


def test_heavy_day_by_the_absolute_threshold(view, thresholds):
    user, child = staff(), ChildFactory()
    for _ in range(3):
        view(user, child, at(2025, 9, 2, 10))  # one day only: the median is 3
    assert unusual_access_report(START, END).heavy_days == []
    assert [h.views for h in unusual_access_report(START, END, daily_views=2).heavy_days] == [3]


def test_views_outside_working_hours(view, thresholds):
    user, child = staff(), ChildFactory()
    early = view(user, child, at(2025, 9, 2, 6, 59))
    view(user, child, at(2025, 9, 2, 7, 0))
    view(user, child, at(2025, 9, 2, 18, 59))
    late = view(user, child, at(2025, 9, 2, 19, 0))
    weekend = view(user, child, at(2025, 9, 6, 11))  # Saturday
    holiday = view(user, child, at(2025, 8, 25, 11))  # summer bank holiday
    view(user, child, at(2025, 9, 20, 23))  # after the period
    findings = unusual_access_report(START, END).out_of_hours
    assert findings.total == 4
    assert {(entry.pk, why) for entry, why in findings.entries} == {
        (early.pk, "Before 07:00"),
        (late.pk, "After 19:00"),
        (weekend.pk, "Weekend"),
        (holiday.pk, "Bank holiday or closure day"),
    }
    assert findings.by_user == [
        {
            "user_id": user.pk,
            "username": user.username,
            "role": user.role,
            "role_label": "Social worker",
            "views": 4,
        }
    ]


def test_views_of_children_outside_the_viewers_team(view, thresholds):
    team, other_team = TeamFactory(), TeamFactory()
    user = staff(team=team)
    ours, theirs, former = ChildFactory(), ChildFactory(), ChildFactory()
    Allocation.objects.create(child=ours, role="social_worker", team=team, start_date=D(2025, 1, 1))
    Allocation.objects.create(
        child=theirs, role="social_worker", team=other_team, start_date=D(2025, 1, 1)
    )
    Allocation.objects.create(
        child=former,
        role="social_worker",
        team=team,
        start_date=D(2024, 1, 1),
        end_date=D(2025, 8, 1),
    )
    view(user, ours, at(2025, 9, 2, 10))
    outside = {view(user, theirs, at(2025, 9, 2, 10)).pk, view(user, former, at(2025, 9, 2, 10)).pk}
    teamless = UserFactory(role=Role.MASH_WORKER)
    outside.add(view(teamless, ours, at(2025, 9, 3, 10)).pk)
    findings = unusual_access_report(START, END).outside_team
    assert {entry.pk for entry in findings.entries} == outside
    assert {(u["username"], u["views"]) for u in findings.by_user} == {
        (user.username, 2),
        (teamless.username, 1),
    }


def test_report_query_count_does_not_grow_with_the_log(
    view, thresholds, django_assert_max_num_queries
):
    user, child = staff(), ChildFactory()
    for hour in range(20, 24):
        view(user, child, at(2025, 9, 2, hour))
    with django_assert_max_num_queries(6):
        report = unusual_access_report(START, END)
        assert report.out_of_hours.total == 4


# --- the page ----------------------------------------------------------------------------


def test_unusual_access_page_unauthenticated_is_sent_to_sign_in(client):
    response = client.get(reverse("audit:unusual-access"))
    assert response["Location"].startswith(reverse("accounts:sign-in"))


def test_unusual_access_page_refused_to_an_administrator(client):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    assert client.get(reverse("audit:unusual-access")).status_code == 403


def test_unusual_access_page_for_a_chosen_period(client, view, thresholds):
    user, child = staff(), ChildFactory(given_name="Nia", family_name="Late")
    view(user, child, at(2025, 9, 2, 22, 15))
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.get(
        reverse("audit:unusual-access"),
        {
            "start_0": "18",
            "start_1": "8",
            "start_2": "2025",
            "end_0": "14",
            "end_1": "9",
            "end_2": "2025",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "18 August 2025 to 14 September 2025" in body
    assert "Nia Late" in body
    assert "After 19:00" in body


def test_unusual_access_page_defaults_to_the_last_four_weeks(client):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.get(reverse("audit:unusual-access"))
    assert response.status_code == 200
    assert response.context["report"] is not None


def test_unusual_access_page_refuses_an_end_before_the_start(client):
    client.force_login(UserFactory(role=Role.DATA_PROTECTION_OFFICER))
    response = client.get(
        reverse("audit:unusual-access"),
        {
            "start_0": "14",
            "start_1": "9",
            "start_2": "2025",
            "end_0": "1",
            "end_1": "9",
            "end_2": "2025",
        },
    )
    body = response.content.decode()
    assert "The end of the period must be the same as or after the start" in body
    assert "govuk-error-summary" in body
    assert response.context["report"] is None
