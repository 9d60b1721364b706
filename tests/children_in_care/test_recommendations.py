"""Recommendations of a looked after review: owners and due dates, shown on the child's
care record and the owner's caseload, marked done."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.models import LACReview, ReviewRecommendation
from kinfolio.children_in_care.services.recommendations import (
    Recommendation,
    complete_recommendation,
)
from kinfolio.children_in_care.services.reviews import hold_review
from tests.children_in_care.helpers import in_care, post_form
from tests.factories import D, WorkerFactory
from tests.factories_accounts import staff
from tests.factories_care import ReviewRecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"])


def _hold(review, by, *recommendations):
    return hold_review(
        review=review,
        review_date=D(2025, 3, 28),
        participation="PN1",
        chair=WorkerFactory(),
        childs_views="Wants to see her brother every week.",
        childs_views_not_recorded_code="",
        childs_views_not_recorded_reason="",
        recommendations=recommendations,
        by=by,
    )


def test_a_review_is_held_with_recommendations_owned_and_due(worker, two_services):
    review = in_care(two_services["ours"], worker).reviews.get()
    owner = WorkerFactory()

    _hold(
        review, worker, Recommendation(1, "Weekly contact with her brother", owner, D(2025, 4, 30))
    )

    [rec] = ReviewRecommendation.objects.all()
    assert (rec.review, rec.owner, rec.due_date, rec.completed_on) == (
        review,
        owner,
        D(2025, 4, 30),
        None,
    )


@pytest.mark.parametrize(
    ("recommendation", "field"),
    [
        (
            Recommendation(1, "Contact with her brother", None, D(2025, 4, 30)),
            "recommendation_1_owner",
        ),
        (Recommendation(2, "Contact with her brother", "owner", None), "recommendation_2_due_date"),
        (
            Recommendation(1, "Contact with her brother", "owner", D(2025, 3, 27)),
            "recommendation_1_due_date",
        ),
        (Recommendation(1, " ", "owner", D(2025, 4, 30)), "recommendation_1_text"),
    ],
)
def test_a_recommendation_without_owner_or_due_date_is_refused_and_nothing_written(
    worker, two_services, recommendation, field
):
    review = in_care(two_services["ours"], worker).reviews.get()
    if recommendation.owner == "owner":
        recommendation = Recommendation(
            recommendation.number, recommendation.text, WorkerFactory(), recommendation.due_date
        )
    history = ChangeEvent.objects.count()

    with pytest.raises(ValidationError) as refused:
        _hold(review, worker, recommendation)

    assert field in refused.value.message_dict
    assert LACReview.objects.get(pk=review.pk).review_date is None
    assert not ReviewRecommendation.objects.exists()
    assert ChangeEvent.objects.count() == history


def test_a_recommendation_is_done_on_or_after_its_review_never_before(worker, two_services):
    rec = ReviewRecommendationFactory(review__period__child=two_services["ours"])
    history = ChangeEvent.objects.count()

    with pytest.raises(ValidationError) as refused:
        complete_recommendation(recommendation=rec, completed_on=D(2020, 1, 27), by=worker)
    assert "completed_on" in refused.value.message_dict
    assert ReviewRecommendation.objects.get(pk=rec.pk).completed_on is None
    assert ChangeEvent.objects.count() == history

    done = complete_recommendation(recommendation=rec, completed_on=D(2020, 1, 28), by=worker)
    assert done.completed_on == D(2020, 1, 28)
    assert done.version == 2
    with pytest.raises(ValidationError, match="already marked as done"):
        complete_recommendation(recommendation=rec, completed_on=D(2020, 2, 1), by=worker)


def test_the_review_page_takes_recommendations_and_the_care_record_and_owner_show_them(
    client, two_services, worker
):
    child = two_services["ours"]
    review = in_care(child, worker).reviews.get()
    owner = worker.worker
    client.force_login(worker)
    url = reverse("children_in_care:review-held", args=[child.local_id, review.pk])

    post_form(
        client,
        url,
        review_date=("28", "3", "2025"),
        participation="PN1",
        chair=WorkerFactory().pk,
        childs_views="Wants to keep seeing her brother.",
        recommendation_1_text="Weekly contact with her brother",
        recommendation_1_owner=owner.pk,
        recommendation_1_due_date=("30", "4", "2025"),
    )

    care = client.get(reverse("children_in_care:care", args=[child.local_id])).content.decode()
    mine = client.get(reverse("workforce:my-caseload")).content.decode()
    for page in (care, mine):
        assert "Weekly contact with her brother" in page
        assert "30 Apr 2025" in page
    assert owner.full_name in care
    rec = ReviewRecommendation.objects.get()
    done = post_form(
        client,
        reverse("children_in_care:recommendation-done", args=[child.local_id, rec.pk]),
        completed_on=("1", "4", "2025"),
    )
    assert "Recommendation marked as done" in done.content.decode()
    assert "Weekly contact" not in client.get(reverse("workforce:my-caseload")).content.decode()


def test_the_owners_list_does_not_grow_in_queries_with_recommendations(
    client, two_services, worker, django_assert_num_queries
):
    owner = worker.worker
    child = two_services["ours"]
    first = ReviewRecommendationFactory(review__period__child=child, owner=owner)
    client.force_login(worker)
    url = reverse("workforce:my-caseload")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(4):
        ReviewRecommendationFactory(review=first.review, owner=owner)

    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("Mark as done") == 5


@pytest.mark.parametrize("name", ["children_in_care:care", "children_in_care:recommendation-done"])
def test_care_pages_sign_in_refuse_and_show(client, two_services, worker, name):
    child = two_services["ours"]
    rec = ReviewRecommendationFactory(review__period__child=child)
    args = [child.local_id] + ([rec.pk] if name.endswith("done") else [])
    url = reverse(name, args=args)

    assert "sign-in" in client.get(url)["Location"]
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(url).status_code == 403
    client.force_login(worker)
    assert client.get(url).status_code == 200
    assert (
        client.get(reverse(name, args=[two_services["theirs"].local_id, *args[1:]])).status_code
        == 404
    )
