"""Adopter pages and a child's adoption pages: sign-in, refusal, and recording."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.adoption.models import AdopterHousehold, AdoptionPlan
from kinfolio.recording import tokens
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import AdopterHouseholdFactory, AdoptionPlanFactory, PeriodOfCareFactory

pytestmark = pytest.mark.django_db
LIST = reverse("adoption:adopters")


def _post(client, url, **answers):
    data = {tokens.FIELD: client.get(url).context["draft_token"]}
    for name, value in answers.items():
        if name in {"day", "enquiry_date"}:
            data.update({f"{name}_{i}": part for i, part in enumerate(value)})
        else:
            data[name] = value
    return client.post(url, data, follow=True)


def test_adopter_pages_send_an_anonymous_user_to_sign_in(client):
    for url in (LIST, reverse("adoption:adopter-new"), reverse("adoption:adopter", args=[1])):
        response = client.get(url)
        assert response.status_code == 302
        assert "sign-in" in response["Location"]


def test_adopter_pages_are_refused_to_a_social_worker(client):
    household = AdopterHouseholdFactory()
    client.force_login(staff(Role.SOCIAL_WORKER))
    assert client.get(LIST).status_code == 403
    assert client.get(reverse("adoption:adopter", args=[household.pk])).status_code == 403


def test_an_enquiry_and_its_next_stage_through_the_pages(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    page = _post(
        client,
        reverse("adoption:adopter-new"),
        adopters="Robin Lee",
        number_of_adopters="1",
        sex_of_adopters="F1",
        legal_status="L0",
        postcode="MK9 3EJ",
        enquiry_date=(8, 1, 2024),
    )
    household = AdopterHousehold.objects.get()
    assert "Stage 1 started" in page.content.decode()  # the next step offered
    page = _post(
        client,
        reverse("adoption:adopter-step", args=[household.pk]),
        opened_version=1,
        day=(7, 1, 2024),
    )
    assert "cannot be before the step before it" in page.content.decode()
    _post(
        client,
        reverse("adoption:adopter-step", args=[household.pk]),
        opened_version=1,
        day=(1, 2, 2024),
    )
    household.refresh_from_db()
    assert household.stage_1_started == D(2024, 2, 1)


def test_the_adopter_list_takes_the_same_queries_for_one_or_many(client):
    client.force_login(staff(Role.FOSTERING_ADOPTION_WORKER))
    AdopterHouseholdFactory()
    client.get(LIST)
    with CaptureQueriesContext(connection) as one:
        client.get(LIST)
    AdopterHouseholdFactory.create_batch(10)
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)
    assert len(many) == len(one)


def test_a_childs_adoption_page_is_scoped_to_visible_children(client, two_services):
    worker = staff(Role.SOCIAL_WORKER, team=two_services["team"])
    client.force_login(worker)
    assert (
        client.get(reverse("adoption:child", args=[two_services["theirs"].local_id])).status_code
        == 404
    )
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert (
        client.get(reverse("adoption:child", args=[two_services["ours"].local_id])).status_code
        == 403
    )


def test_a_worker_records_the_decision_and_the_placement_order(client, two_services):
    child = two_services["ours"]
    PeriodOfCareFactory(child=child, start_date=D(2023, 1, 1))
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    _post(client, reverse("adoption:plan-decision", args=[child.local_id]), day=(1, 3, 2024))
    plan = AdoptionPlan.objects.get(child=child)
    page = _post(
        client,
        reverse("adoption:plan-placement-order", args=[child.local_id, plan.pk]),
        opened_version=1,
        day=(1, 6, 2024),
    )
    assert "Placement order made: recorded" in page.content.decode()
    plan.refresh_from_db()
    assert plan.placement_order_date == D(2024, 6, 1)


def test_a_plan_of_another_child_is_not_found(client, two_services):
    other = AdoptionPlanFactory()
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    url = reverse("adoption:plan-match", args=[two_services["ours"].local_id, other.pk])
    assert client.get(url).status_code == 404
