from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.core.context_processors import home_for
from kinfolio.inspection import services
from kinfolio.inspection.models import Action, Inspection, Recommendation
from tests.factories_accounts import UserFactory, staff
from tests.inspection.factories import inspection_2012, make_action

pytestmark = pytest.mark.django_db


def recommendation(year: int, timescale: str) -> Recommendation:
    return Recommendation.objects.filter(inspection__year=year, timescale=timescale).first()


@pytest.mark.parametrize(
    ("year", "timescale", "due"),
    [
        (2012, "immediately", date(2012, 7, 20)),  # the last day of the inspection
        (2012, "three_months", date(2012, 10, 20)),
        (2012, "six_months", date(2013, 1, 20)),
        (2010, "none", None),  # areas for development carry no timescale
        (2006, "immediately", None),  # the 2006 report gives no day to count from
        (2006, "longer_term", None),
    ],
)
def test_due_date_runs_from_the_inspection_date(year, timescale, due):
    inspection = Inspection.objects.get(year=year)
    assert services.due_date(inspection=inspection, timescale=timescale) == due


def test_due_date_from_publication_when_the_inspection_days_are_not_given():
    letter = Inspection.objects.get(year=2010)
    assert services.due_date(inspection=letter, timescale="three_months") == date(2011, 3, 9)


def test_add_action_takes_the_published_timescale_and_records_history():
    director = UserFactory(role=Role.DIRECTOR)
    owner = UserFactory(role=Role.SERVICE_MANAGER)

    action = services.add_action(
        recommendation=recommendation(2012, "three_months"),
        description="Record every LADO investigation",
        owner=owner,
        by=director,
    )

    assert action.due_on == date(2012, 10, 20)
    assert ChangeEvent.objects.filter(model="inspection.action", object_id=str(action.pk)).exists()


def test_add_action_refuses_a_date_past_the_timescale_and_writes_nothing():
    director = UserFactory(role=Role.DIRECTOR)
    with pytest.raises(ValidationError) as error:
        services.add_action(
            recommendation=recommendation(2012, "immediately"),
            description="Late",
            owner=director,
            by=director,
            due_on=date(2012, 9, 1),
        )
    assert "on or before 20 July 2012" in str(error.value)
    assert not Action.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_add_action_without_timescale_needs_a_date():
    director = UserFactory(role=Role.DIRECTOR)
    with pytest.raises(ValidationError, match="Enter the date the action is due"):
        services.add_action(
            recommendation=recommendation(2010, "none"),
            description="Primary school improvement boards",
            owner=director,
            by=director,
        )


def test_add_action_refused_to_a_team_manager():
    manager = UserFactory(role=Role.TEAM_MANAGER)
    with pytest.raises(ValidationError, match="cannot change action plans"):
        services.add_action(
            recommendation=recommendation(2012, "six_months"),
            description="x",
            owner=manager,
            by=manager,
        )


def test_owner_records_progress_and_completion_stamps_the_day():
    owner = UserFactory(role=Role.TEAM_MANAGER)
    action = make_action(owner=owner, due_on=date(2012, 10, 20))

    services.record_progress(action=action, note="All records checked", status="complete", by=owner)

    action.refresh_from_db()
    assert action.status == "complete"
    assert action.completed_on is not None
    assert action.updates.get().written_by == owner


def test_someone_else_without_the_permission_cannot_record_progress():
    action = make_action(due_on=date(2012, 10, 20))
    with pytest.raises(ValidationError):
        services.record_progress(
            action=action, note="x", status="complete", by=UserFactory(role=Role.TEAM_MANAGER)
        )


def test_overdue_action_appears_on_the_owners_page_and_the_directors_page(client):
    owner = staff(Role.TEAM_MANAGER)
    director = staff(Role.DIRECTOR)
    overdue = make_action(owner=owner, due_on=date(2013, 1, 20))
    make_action(owner=owner, due_on=date(2999, 1, 1))  # not yet due
    someone_else = staff(Role.TEAM_MANAGER)

    for user, expected in ((owner, True), (director, True), (someone_else, False)):
        client.force_login(user)
        body = client.get(home_for(user)).content.decode()  # each role's own home page
        assert (reverse("inspection:action", args=[overdue.pk]) in body) is expected, user.role
        assert body.count("Overdue</strong>") == (1 if expected else 0)


def test_action_plan_page_lists_recommendations_with_their_timescales(client):
    client.force_login(UserFactory(role=Role.INSPECTOR))
    make_action(due_on=date(2012, 10, 20))
    response = client.get(reverse("inspection:action-plan", args=[inspection_2012().pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('data-testid="recommendation"') == 17
    assert "Within three months" in body
    assert "Audit every strategy discussion record" in body


def test_action_plan_query_count_does_not_grow_with_actions(client):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    url = reverse("inspection:action-plan", args=[inspection_2012().pk])
    make_action(due_on=date(2012, 10, 20))
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(10):
        make_action(due_on=date(2012, 10, 20))
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(one) == len(many)


def test_recommendation_page_adds_an_action_for_a_manager(client):
    director = UserFactory(role=Role.DIRECTOR)
    owner = UserFactory(role=Role.SERVICE_MANAGER)
    client.force_login(director)
    rec = recommendation(2012, "six_months")

    response = client.post(
        reverse("inspection:recommendation", args=[rec.pk]),
        {"description": "Commission emergency beds", "owner": owner.pk},
    )

    assert response.status_code == 302
    assert rec.actions.get().due_on == date(2013, 1, 20)


def test_recommendation_page_shows_the_services_error(client):
    client.force_login(UserFactory(role=Role.DIRECTOR))
    rec = recommendation(2012, "immediately")
    response = client.post(
        reverse("inspection:recommendation", args=[rec.pk]),
        {
            "description": "Late",
            "owner": UserFactory(role=Role.DIRECTOR).pk,
            "due_on_0": "1",
            "due_on_1": "9",
            "due_on_2": "2012",
        },
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not rec.actions.exists()


def test_recommendation_post_refused_without_manage_permission(client):
    client.force_login(UserFactory(role=Role.TEAM_MANAGER))
    rec = recommendation(2012, "immediately")
    response = client.post(reverse("inspection:recommendation", args=[rec.pk]), {})
    assert response.status_code == 403


def test_action_page_records_progress_and_evidence_for_the_owner(client):
    owner = UserFactory(role=Role.TEAM_MANAGER)
    action = make_action(owner=owner, due_on=date(2012, 10, 20))
    client.force_login(owner)
    url = reverse("inspection:action", args=[action.pk])

    client.post(url, {"form": "progress", "note": "Half done", "status": "in_progress"})
    client.post(url, {"form": "evidence", "kind": "audit", "title": "Q3 audit", "reference": "/x"})

    body = client.get(url).content.decode()
    assert "Half done" in body
    assert "Q3 audit" in body


def test_action_page_refuses_updates_from_others(client):
    action = make_action(due_on=date(2012, 10, 20))
    client.force_login(UserFactory(role=Role.INSPECTOR))
    url = reverse("inspection:action", args=[action.pk])
    assert client.get(url).status_code == 200
    assert (
        client.post(url, {"form": "progress", "note": "x", "status": "complete"}).status_code == 403
    )


def test_action_page_unauthenticated_and_unauthorised(client):
    action = make_action(due_on=date(2012, 10, 20))
    url = reverse("inspection:action", args=[action.pk])
    assert client.get(url)["Location"].startswith(reverse("accounts:sign-in"))
    client.force_login(UserFactory(role=Role.SOCIAL_WORKER))
    assert client.get(url).status_code == 403
