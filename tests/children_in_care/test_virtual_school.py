"""Contacts with the virtual school about a looked after child's education."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.children_in_care.chronology import LINES
from kinfolio.children_in_care.models import VirtualSchoolContact
from kinfolio.children_in_care.services import health
from kinfolio.chronology.selectors import chronology_for
from tests.children_in_care.helpers import in_care, post_form
from tests.factories import D
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db

BEFORE_CARE, IN_CARE = D(2025, 3, 2), D(2025, 3, 10)
ANSWERS = {
    "role": "adviser",
    "contact_name": "Priya Shah",
    "purpose": "A school place after the move",
    "outcome": "In-year admission requested; Priya chases on Friday",
}


@pytest.fixture
def worker(two_services):
    return staff(Role.SOCIAL_WORKER, team=two_services["team"])


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contact_date": BEFORE_CARE}, "contact_date"),
        ({"contact_date": D(2099, 1, 1)}, "contact_date"),
        ({"role": "teacher"}, "role"),
        ({"contact_name": "  "}, "contact_name"),
        ({"purpose": ""}, "purpose"),
        ({"outcome": " "}, "outcome"),
    ],
)
def test_a_contact_is_refused_with_nothing_written_then_recorded(
    worker, two_services, changes, field
):
    child = two_services["ours"]
    period = in_care(child, worker)
    history = ChangeEvent.objects.count()

    with pytest.raises(ValidationError) as refused:
        health.record_virtual_school_contact(
            child=child, **{"contact_date": IN_CARE, **ANSWERS, **changes}, by=worker
        )
    assert field in refused.value.message_dict
    assert not VirtualSchoolContact.objects.exists()
    assert ChangeEvent.objects.count() == history

    contact = health.record_virtual_school_contact(
        child=child, contact_date=IN_CARE, **ANSWERS, by=worker
    )
    assert (contact.period, contact.role, contact.contact_name) == (period, "adviser", "Priya Shah")
    written = ChangeEvent.objects.filter(
        model="children_in_care.virtualschoolcontact", object_id=str(contact.pk)
    )
    assert set(written.values_list("field", flat=True)) >= {"contact_name", "purpose", "outcome"}


def test_a_worker_records_a_contact_and_sees_it_on_the_care_record_and_chronology(
    client, worker, two_services
):
    child = two_services["ours"]
    in_care(child, worker)
    client.force_login(worker)
    care = reverse("children_in_care:care", args=[child.local_id])
    assert "No contacts with the virtual school recorded" in client.get(care).content.decode()

    page = client.get(reverse("children_in_care:virtual-school-contact", args=[child.local_id]))
    assert "Children Act 1989, section 22(3A)" in page.content.decode()
    response = post_form(
        client,
        reverse("children_in_care:virtual-school-contact", args=[child.local_id]),
        contact_date=("10", "3", "2025"),
        role="head",
        contact_name="Dr Ann Okafor",
        purpose="Pupil premium plus for tutoring",
        outcome="Agreed for the summer term",
    )

    text = response.content.decode()
    assert "Virtual school contact recorded" in text
    assert "Dr Ann Okafor" in text
    assert "The virtual school head" in text
    assert "Agreed for the summer term" in text
    found = [
        e
        for e in chronology_for(child, lines=LINES)
        if e.title.startswith("Virtual school contact")
    ]
    assert [(e.date, e.title) for e in found] == [
        (IN_CARE, "Virtual school contact with Dr Ann Okafor (the virtual school head)")
    ]
    assert "Agreed for the summer term" in found[0].detail


def test_a_refused_contact_is_shown_on_the_page_and_nothing_saved(client, worker, two_services):
    child = two_services["ours"]
    in_care(child, worker)
    client.force_login(worker)

    response = post_form(
        client,
        reverse("children_in_care:virtual-school-contact", args=[child.local_id]),
        contact_date=("2", "3", "2025"),
        **ANSWERS,
    )

    assert "must be dated while the child was looked after" in response.content.decode()
    assert not VirtualSchoolContact.objects.exists()


def test_the_care_record_makes_the_same_queries_however_many_contacts(client, worker, two_services):
    child = two_services["ours"]
    in_care(child, worker)
    client.force_login(worker)
    url = reverse("children_in_care:care", args=[child.local_id])
    health.record_virtual_school_contact(child=child, contact_date=IN_CARE, **ANSWERS, by=worker)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for day in (11, 12, 13, 14):
        health.record_virtual_school_contact(
            child=child, contact_date=D(2025, 3, day), **ANSWERS, by=worker
        )
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).content.decode().count("Priya Shah") == 5
    assert len(five) == len(one)


def test_the_page_signs_in_refuses_and_shows(client, two_services, worker):
    url = reverse("children_in_care:virtual-school-contact", args=[two_services["ours"].local_id])
    assert "sign-in" in client.get(url)["Location"]
    client.force_login(staff(Role.PERFORMANCE_ANALYST))
    assert client.get(url).status_code == 403
    client.force_login(worker)
    assert client.get(url).status_code == 200
