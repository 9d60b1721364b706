"""Pages for coming into care, changes in care and leaving care."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.models import CareEpisode, LACReview, PeriodOfCare
from kinfolio.recording import tokens
from tests.factories import D, WorkerFactory
from tests.factories_accounts import staff
from tests.factories_care import FosterHouseholdFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"])


def _start_url(child):
    return reverse("children_in_care:become-looked-after", args=[child.local_id])


def _post(client, url, **answers):
    token = client.get(url).context["draft_token"]
    data = {tokens.FIELD: token}
    for name, value in answers.items():
        if name in {"day", "review_date"}:
            data.update({f"{name}_0": value[0], f"{name}_1": value[1], f"{name}_2": value[2]})
        else:
            data[name] = value
    return client.post(url, data, follow=True)


def test_become_looked_after_sends_an_anonymous_user_to_sign_in(client, two_services):
    response = client.get(_start_url(two_services["ours"]))
    assert response.status_code == 302
    assert "sign-in" in response["Location"]


def test_become_looked_after_refuses_a_role_without_the_permission(client, two_services):
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(_start_url(two_services["ours"])).status_code == 403


def test_become_looked_after_is_not_found_for_a_child_out_of_scope(client, two_services, worker):
    client.force_login(worker)
    assert client.get(_start_url(two_services["theirs"])).status_code == 404


def test_a_worker_records_a_child_coming_into_care_moving_and_leaving(client, two_services, worker):
    child = two_services["ours"]
    carers, new_carers = FosterHouseholdFactory(), FosterHouseholdFactory(postcode="MK6 2BB")
    client.force_login(worker)

    started = _post(
        client,
        _start_url(child),
        day=("3", "3", "2025"),
        legal_status="V2",
        category_of_need="N1",
        placement_type="U6",
        placement_provider="PR1",
        foster_household=carers.pk,
    )
    period = PeriodOfCare.objects.get(child=child)
    change_url = reverse("children_in_care:care-change", args=[child.local_id, period.pk])
    moved = _post(
        client,
        change_url,
        day=("10", "3", "2025"),
        legal_status="C1",
        moved="on",
        reason_place_change="CARPL",
        placement_type="U4",
        placement_provider="PR1",
        foster_household=new_carers.pk,
    )
    end_url = reverse("children_in_care:cease-care", args=[child.local_id, period.pk])
    ended = _post(client, end_url, day=("1", "9", "2025"), reason="E4A")

    assert "the child is looked after" in started.content.decode()
    assert "the SSDA903 episodes are updated" in moved.content.decode()
    assert "the child has left care" in ended.content.decode()
    assert list(
        CareEpisode.objects.filter(period=period).values_list(
            "reason_new_episode",
            "legal_status",
            "placement_type",
            "reason_place_change",
            "reason_ceased",
        )
    ) == [("S", "V2", "U6", "CARPL", "X1"), ("B", "C1", "U4", "", "E4A")]


def test_a_move_without_a_reason_is_refused_on_the_page_and_nothing_changes(
    client, two_services, worker
):
    child = two_services["ours"]
    client.force_login(worker)
    _post(
        client,
        _start_url(child),
        day=("3", "3", "2025"),
        legal_status="V2",
        category_of_need="N1",
        placement_type="U6",
        placement_provider="PR1",
        foster_household=FosterHouseholdFactory().pk,
    )
    period = PeriodOfCare.objects.get(child=child)
    history = ChangeEvent.objects.count()

    response = _post(
        client,
        reverse("children_in_care:care-change", args=[child.local_id, period.pk]),
        day=("10", "4", "2025"),
        moved="on",
        placement_type="U4",
        placement_provider="PR1",
        foster_household=FosterHouseholdFactory().pk,
    )

    assert response.status_code == 200
    assert "Select the reason for the placement change on 10/04/2025" in (response.content.decode())
    assert CareEpisode.objects.filter(period=period).count() == 1
    assert ChangeEvent.objects.count() == history


def test_a_worker_records_a_review_held_and_the_next_is_booked(client, two_services, worker):
    child = two_services["ours"]
    iro = WorkerFactory(team=two_services["team"])
    client.force_login(worker)
    _post(
        client,
        _start_url(child),
        day=("3", "3", "2025"),
        legal_status="C1",
        category_of_need="N1",
        placement_type="U6",
        placement_provider="PR1",
        foster_household=FosterHouseholdFactory().pk,
    )
    review = LACReview.objects.get(child=child)
    url = reverse("children_in_care:review-held", args=[child.local_id, review.pk])

    refused = _post(client, url, review_date=("28", "3", "2025"), participation="PN1", chair=iro.pk)
    held = _post(
        client,
        url,
        review_date=("28", "3", "2025"),
        participation="PN1",
        chair=iro.pk,
        childs_views="Wants to keep seeing her brother.",
    )

    assert "Enter the child&#x27;s views, or select why" in refused.content.decode()
    assert "Review recorded: the next review is booked" in held.content.decode()
    assert list(
        LACReview.objects.filter(child=child)
        .order_by("due_date")
        .values_list("review_date", "due_date")
    ) == [(D(2025, 3, 28), D(2025, 3, 31)), (None, D(2025, 6, 28))]
