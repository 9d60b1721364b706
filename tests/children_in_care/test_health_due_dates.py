"""Health assessment due dates: the timescales engine's, stored on each assessment
and shown on the child's care record."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.children_in_care.models import HealthAssessment
from kinfolio.children_in_care.record import health_assessments_due
from kinfolio.children_in_care.services import health
from tests.children_in_care.helpers import in_care
from tests.factories import D
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"])


def _assess(child, kind, day, worker) -> HealthAssessment:
    return health.record_health_assessment(child=child, kind=kind, assessment_date=day, by=worker)


@pytest.mark.parametrize(
    ("born", "review_due"),
    [
        (D(2016, 3, 31), D(2026, 3, 10)),  # 8: yearly
        (D(2022, 6, 1), D(2025, 9, 10)),  # 2: every 6 months
    ],
)
def test_each_assessment_stores_the_due_date_the_engine_gave(
    worker, two_services, born, review_due
):
    child = two_services["ours"]
    child.date_of_birth = born
    child.save()
    in_care(child, worker)  # Monday 3 March 2025

    [initial_clock] = health_assessments_due(child)
    assert (initial_clock.rule.key, initial_clock.due_on) == (
        "initial_health_assessment_20wd",
        D(2025, 3, 31),  # 20 working days
    )
    initial = _assess(child, "initial", D(2025, 3, 10), worker)
    assert initial.due_date == D(2025, 3, 31)

    [review_clock] = health_assessments_due(child)
    assert review_clock.due_on == review_due
    review = _assess(child, "review", D(2025, 9, 1), worker)
    assert review.due_date == review_due


def test_a_booked_assessment_is_filled_in_rather_than_added(worker, two_services):
    child = two_services["ours"]
    in_care(child, worker)
    _assess(child, "initial", D(2025, 3, 10), worker)
    booked = HealthAssessment.objects.create(child=child, kind="review", due_date=D(2026, 3, 1))

    done = _assess(child, "review", D(2026, 2, 20), worker)

    assert done.pk == booked.pk
    assert (done.assessment_date, done.due_date) == (D(2026, 2, 20), D(2026, 3, 10))
    assert child.health_assessments.count() == 2


def test_the_care_record_shows_the_next_health_assessment_due(client, worker, two_services):
    child = two_services["ours"]
    in_care(child, worker)
    client.force_login(worker)
    url = reverse("children_in_care:care", args=[child.local_id])

    text = client.get(url).content.decode()
    assert "Initial health assessment due: <strong>31 March 2025</strong>" in text
    due = text.split('data-testid="health-due"')[1].split("</div>")[0]
    assert "due 31 Mar 2025" not in due  # the hint below the date says why, not the date
    assert "20 working days from becoming looked after on 3 Mar 2025" in due

    _assess(child, "initial", D(2025, 3, 10), worker)
    text = client.get(url).content.decode()
    assert "Review health assessment (5 and over) due: <strong>10 March 2026</strong>" in text
    assert "Initial health assessment: done 10 Mar 2025 (due 31 Mar 2025)" in text
