"""A care leaver's pages: leaving care at 18 gives the category, then a pathway plan
with a personal adviser, its review, birthday information and the health history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.care_leavers.models import PathwayPlanReview
from kinfolio.workforce.models import Allocation
from tests.children_in_care.helpers import in_care, post_form
from tests.factories import D
from tests.factories_accounts import staff
from tests.factories_care import ChildFactory, PathwayPlanReviewFactory

pytestmark = pytest.mark.django_db

PAGES = ["record", "status", "pathway-plan", "birthday", "staying-put", "health-history"]


@pytest.fixture
def adviser(two_services):
    return staff(Role.PERSONAL_ADVISER, team=two_services["team"])


@pytest.fixture
def young_person(two_services):
    child = ChildFactory(date_of_birth=D(2007, 6, 15))
    Allocation.objects.create(
        child=child, role="social_worker", team=two_services["team"], start_date=D(2022, 1, 1)
    )
    return child


@pytest.mark.parametrize("name", [*PAGES, "pathway-review"])
def test_leaving_care_pages_sign_in_refuse_and_show(client, adviser, young_person, name):
    args = [young_person.local_id]
    if name == "pathway-review":
        args.append(PathwayPlanReviewFactory(plan__child=young_person).pk)
    url = reverse(f"care_leavers:{name}", args=args)

    assert "sign-in" in client.get(url)["Location"]
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(url).status_code == 403
    client.force_login(adviser)
    assert client.get(url).status_code == 200


def test_a_child_leaving_care_at_18_becomes_a_care_leaver_with_a_pathway_plan(
    client, adviser, young_person
):
    period = in_care(young_person, adviser, day=D(2022, 1, 10))
    client.force_login(adviser)
    post_form(
        client,
        reverse("children_in_care:cease-care", args=[young_person.local_id, period.pk]),
        day=("15", "6", "2025"),
        reason="E13",
    )
    record_url = reverse("care_leavers:record", args=[young_person.local_id])
    assert "Former relevant" in client.get(record_url).content.decode()

    post_form(
        client,
        reverse("care_leavers:pathway-plan", args=[young_person.local_id]),
        start_date=("1", "7", "2025"),
        personal_adviser=adviser.worker.pk,
    )
    review = PathwayPlanReview.objects.get(plan__child=young_person)
    post_form(
        client,
        reverse("care_leavers:pathway-review", args=[young_person.local_id, review.pk]),
        review_date=("20", "12", "2025"),
    )
    post_form(
        client,
        reverse("care_leavers:birthday", args=[young_person.local_id]),
        birthday=("15", "6", "2025"),
        contact_date=("20", "6", "2025"),
        in_touch="YES",
        activity="F1",
        accommodation="B2",
    )
    page = post_form(
        client,
        reverse("care_leavers:health-history", args=[young_person.local_id]),
        given_on=("15", "6", "2025"),
    ).content.decode()

    assert "Health history recorded as given" in page
    assert adviser.worker.full_name in page
    assert "next review due 20 June 2026" in page
    assert "15 Jun 2025" in page
    assert ">No</td>" in page  # accommodation not suitable


def test_the_care_leaver_page_queries_do_not_grow_with_its_history(
    client, adviser, young_person, django_assert_num_queries
):
    PathwayPlanReviewFactory(plan__child=young_person, plan__end_date=D(2024, 12, 1))
    client.force_login(adviser)
    url = reverse("care_leavers:record", args=[young_person.local_id])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for day in (1, 2, 3):
        PathwayPlanReviewFactory(
            plan__child=young_person,
            plan__start_date=D(2023, 9, day),
            plan__end_date=D(2023, 10, day),
        )

    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)
