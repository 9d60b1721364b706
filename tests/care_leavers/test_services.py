"""Care leaver status on leaving care at 16 to 18, recorded categories, pathway plans
and reviews, birthday information, staying put and the health history handed over."""

import pytest
from django.core.exceptions import ValidationError

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.care_leavers.models import (
    CareLeaverContact,
    CareLeaverStatus,
    HealthHistoryGiven,
    PathwayPlan,
    PathwayPlanReview,
    StayingPut,
)
from kinfolio.care_leavers.services import plans, status
from kinfolio.children_in_care.services.care import cease_care
from tests.children_in_care.helpers import in_care
from tests.factories import D, WorkerFactory
from tests.factories_accounts import staff
from tests.factories_care import CareLeaverStatusFactory, ChildFactory

pytestmark = pytest.mark.django_db

BORN = D(2007, 6, 15)  # 16 on 15 June 2023, 18 on 15 June 2025


@pytest.fixture
def worker(db):
    return staff(Role.PERSONAL_ADVISER)


@pytest.mark.parametrize(
    ("came_in", "left", "reason", "category"),
    [
        (D(2022, 1, 10), D(2024, 1, 10), "E4A", "relevant"),  # 16, years in care
        (D(2022, 1, 10), D(2025, 6, 15), "E4A", "former_relevant"),  # on the 18th birthday
        (D(2024, 1, 2), D(2024, 3, 1), "E4A", "qualifying"),  # 16, under 13 weeks
        (D(2021, 6, 14), D(2021, 9, 20), "E4A", None),  # 14 when leaving: not yet
        (D(2022, 1, 10), D(2024, 1, 10), "E11", None),  # adopted at 16
    ],
)
def test_leaving_care_at_16_to_18_gives_the_care_leaver_category(
    worker, came_in, left, reason, category
):
    child = ChildFactory(date_of_birth=BORN)
    period = in_care(child, worker, day=came_in)

    cease_care(period=period, day=left, reason=reason, by=worker)

    statuses = list(
        CareLeaverStatus.objects.filter(child=child).values_list("eligibility", "start_date")
    )
    assert statuses == ([(category, left)] if category else [])


def test_leaving_care_ends_the_eligible_category_and_starts_relevant(worker):
    child = ChildFactory(date_of_birth=BORN)
    period = in_care(child, worker, day=D(2022, 1, 10))
    status.record_status(child=child, eligibility="eligible", start_date=D(2023, 6, 15), by=worker)

    cease_care(period=period, day=D(2024, 2, 1), reason="E4A", by=worker)

    assert list(
        CareLeaverStatus.objects.order_by("start_date").values_list(
            "eligibility", "start_date", "end_date"
        )
    ) == [
        ("eligible", D(2023, 6, 15), D(2024, 2, 1)),
        ("relevant", D(2024, 2, 1), None),
    ]


@pytest.mark.parametrize(
    ("eligibility", "start", "looked_after", "refused_because"),
    [
        ("eligible", D(2023, 7, 1), False, "still looked after"),
        ("eligible", D(2023, 7, 1), True, None),
        ("relevant", D(2023, 7, 1), True, "still looked after at 16 or 17 is eligible"),
        ("former_relevant", D(2025, 6, 14), False, "aged 18 to 24"),
        ("former_relevant", D(2025, 6, 15), False, None),
        ("eligible", D(2023, 6, 14), True, "aged 16 to 17"),
    ],
)
def test_a_category_is_refused_when_age_or_care_do_not_fit_and_nothing_written(
    worker, eligibility, start, looked_after, refused_because
):
    child = ChildFactory(date_of_birth=BORN)
    period = in_care(child, worker, day=D(2022, 1, 10))
    if not looked_after:
        cease_care(period=period, day=D(2023, 6, 1), reason="E13", by=worker)  # 15: no status
    history = ChangeEvent.objects.count()
    record = {"child": child, "eligibility": eligibility, "start_date": start, "by": worker}

    if refused_because:
        with pytest.raises(ValidationError, match=refused_because):
            status.record_status(**record)
        assert not CareLeaverStatus.objects.exists()
        assert ChangeEvent.objects.count() == history
    else:
        status.record_status(**record)
        assert CareLeaverStatus.objects.get().eligibility == eligibility


EIGHTEENTH_BIRTHDAY = D(2025, 6, 15)


def _care_leaver(worker, since=EIGHTEENTH_BIRTHDAY):
    child = ChildFactory(date_of_birth=BORN)
    CareLeaverStatusFactory(child=child, eligibility="former_relevant", start_date=since)
    return child


def test_a_pathway_plan_has_a_personal_adviser_and_six_monthly_reviews(worker):
    child = _care_leaver(worker)
    adviser = WorkerFactory()

    plan = plans.start_pathway_plan(
        child=child, start_date=D(2025, 7, 1), personal_adviser=adviser, by=worker
    )
    first = plan.reviews.get()
    plans.hold_pathway_review(review=first, review_date=D(2025, 12, 20), by=worker)

    assert plan.personal_adviser == adviser
    assert first.due_date == D(2026, 1, 1)
    assert list(plan.reviews.order_by("due_date").values_list("review_date", "due_date")) == [
        (D(2025, 12, 20), D(2026, 1, 1)),
        (None, D(2026, 6, 20)),
    ]
    with pytest.raises(ValidationError, match="already has a current pathway plan"):
        plans.start_pathway_plan(
            child=child, start_date=D(2025, 8, 1), personal_adviser=adviser, by=worker
        )


@pytest.mark.parametrize(
    ("born", "status_from", "refused_because"),
    [
        (D(2010, 1, 1), None, "starts at 16"),  # 15 on the day
        (BORN, None, "no care leaver status"),  # 18, never a care leaver, not in care
        (BORN, D(2025, 6, 15), None),
    ],
)
def test_a_pathway_plan_is_refused_under_16_or_for_someone_not_a_care_leaver(
    worker, born, status_from, refused_because
):
    child = ChildFactory(date_of_birth=born)
    if status_from:
        CareLeaverStatusFactory(child=child, eligibility="former_relevant", start_date=status_from)
    history = ChangeEvent.objects.count()
    record = {"child": child, "start_date": D(2025, 7, 1), "personal_adviser": WorkerFactory()}

    if refused_because:
        with pytest.raises(ValidationError, match=refused_because):
            plans.start_pathway_plan(**record, by=worker)
        assert not PathwayPlan.objects.exists()
        assert not PathwayPlanReview.objects.exists()
        assert ChangeEvent.objects.count() == history
    else:
        plans.start_pathway_plan(**record, by=worker)
        assert PathwayPlan.objects.count() == 1


@pytest.mark.parametrize(
    ("birthday", "refused_because"),
    [
        (D(2024, 6, 15), "no care leaver status"),
        (D(2025, 6, 14), "no care leaver status"),
        (D(2025, 6, 15), None),
    ],
)
def test_birthday_information_is_for_a_care_leavers_birthday(worker, birthday, refused_because):
    child = _care_leaver(worker)
    record = {
        "child": child,
        "birthday": birthday,
        "contact_date": D(2025, 6, 20),
        "in_touch": "YES",
        "activity": "F1",
        "accommodation": "B1",
        "by": worker,
    }
    if refused_because:
        with pytest.raises(ValidationError, match=refused_because):
            plans.record_birthday_contact(**record)
        assert not CareLeaverContact.objects.exists()
    else:
        contact = plans.record_birthday_contact(**record)
        assert contact.accommodation_suitable is True


def test_staying_put_starts_at_18_and_the_health_history_goes_to_a_care_leaver(worker):
    child = _care_leaver(worker, since=D(2024, 1, 10))

    with pytest.raises(ValidationError, match="18th birthday"):
        plans.start_staying_put(
            child=child, start_date=D(2025, 6, 14), foster_household=None, by=worker
        )
    assert not StayingPut.objects.exists()
    plans.start_staying_put(
        child=child, start_date=D(2025, 6, 15), foster_household=None, by=worker
    )

    stranger = ChildFactory(date_of_birth=BORN)
    with pytest.raises(ValidationError, match="no care leaver status"):
        plans.record_health_history_given(child=stranger, given_on=D(2025, 6, 15), by=worker)
    plans.record_health_history_given(child=child, given_on=D(2025, 6, 15), by=worker)
    assert list(HealthHistoryGiven.objects.values_list("child", flat=True)) == [child.pk]
    assert StayingPut.objects.get().child == child
