"""Private fostering notifications, visits and the end: rules and pages."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.casework.models import Visit
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.fostering.services import private_fostering
from kinfolio.recording import tokens
from tests.factories import ChildFactory, D
from tests.factories_accounts import staff
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db


def notify(child, by, **kwargs):
    call = {"carer_name": "Pat Friend", "notified_on": D(2025, 3, 3), "start_date": D(2025, 3, 1)}
    return private_fostering.notify(child=child, by=by, **{**call, **kwargs})


def test_a_child_under_16_is_notified_and_a_16_year_old_is_refused():
    by = staff()
    child = ChildFactory(date_of_birth=D(2010, 6, 1))
    assert notify(child, by).carer_name == "Pat Friend"
    older = ChildFactory(date_of_birth=D(2009, 1, 1))
    assert_refused(
        lambda: notify(older, by), message="under 16", counted=[PrivateFosteringArrangement]
    )
    disabled = ChildFactory(date_of_birth=D(2009, 1, 1), disabilities="MOB")
    assert notify(disabled, by).child == disabled


def test_a_second_open_arrangement_and_a_future_notice_are_refused():
    by = staff()
    child = ChildFactory(date_of_birth=D(2015, 6, 1))
    notify(child, by)
    assert_refused(
        lambda: notify(child, by, start_date=D(2025, 4, 1)),
        message="current private fostering arrangement",
        counted=[PrivateFosteringArrangement],
    )
    assert_refused(
        lambda: notify(ChildFactory(), by, notified_on=D(2099, 1, 1)),
        message="today or in the past",
        counted=[PrivateFosteringArrangement],
    )


def test_an_arrangement_ends_once_and_not_before_it_started():
    by = staff()
    arrangement = notify(ChildFactory(date_of_birth=D(2015, 6, 1)), by)
    assert_refused(
        lambda: private_fostering.end_arrangement(
            arrangement=arrangement, day=D(2025, 2, 1), by=by
        ),
        message="cannot end before it started",
        unchanged=[arrangement],
    )
    private_fostering.end_arrangement(arrangement=arrangement, day=D(2025, 9, 1), by=by)
    assert_refused(
        lambda: private_fostering.end_arrangement(
            arrangement=arrangement, day=D(2025, 9, 2), by=by
        ),
        message="already ended",
        unchanged=[arrangement],
    )


def _post(client, url, **answers):
    data = {tokens.FIELD: client.get(url).context["draft_token"]}
    for name, value in answers.items():
        if name in {"notified_on", "start_date", "visit_date", "day"}:
            data.update({f"{name}_{i}": part for i, part in enumerate(value)})
        else:
            data[name] = value
    return client.post(url, data, follow=True)


def test_private_fostering_pages_refuse_and_scope(client, two_services):
    url = reverse("fostering:private-fostering", args=[two_services["ours"].local_id])
    assert client.get(url).status_code == 302
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(url).status_code == 403
    client.force_login(staff(Role.SOCIAL_WORKER, team=two_services["team"]))
    other = reverse("fostering:private-fostering", args=[two_services["theirs"].local_id])
    assert client.get(other).status_code == 404


def test_a_worker_records_a_notification_and_a_visit(client, two_services):
    child = two_services["ours"]
    worker = staff(Role.SOCIAL_WORKER, team=two_services["team"])
    client.force_login(worker)
    page = _post(
        client,
        reverse("fostering:private-notify", args=[child.local_id]),
        carer_name="Pat Friend",
        notified_on=(3, 3, 2025),
        start_date=(1, 3, 2025),
    )
    assert "Notification recorded" in page.content.decode()
    arrangement = PrivateFosteringArrangement.objects.get(child=child)
    page = _post(
        client,
        reverse("fostering:private-visit", args=[child.local_id, arrangement.pk]),
        visit_date=(7, 3, 2025),
        seen="on",
        seen_alone="on",
        childs_views="I like it here.",
    )
    assert "Visit recorded" in page.content.decode()
    assert Visit.objects.get(child=child).kind == "private_fostering"
