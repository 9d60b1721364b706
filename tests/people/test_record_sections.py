"""The sections of a child's record: who may open them, what they show, and that their
query count does not grow with the number of events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessLogEntry
from kinfolio.people.views_record import PAGE_SIZE
from tests.factories import (
    CaseNoteFactory,
    ChildProtectionPlanFactory,
    CoreGroupMeetingFactory,
    D,
    VisitFactory,
)

pytestmark = pytest.mark.django_db
SECTIONS = [
    "people:child",
    "people:child-chronology",
    "people:child-plans",
    "people:child-visits",
    "people:child-documents",
    "people:child-deadlines",
    "people:child-history",
]


@pytest.fixture
def signed_in(client, make_user, two_services):
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=two_services["worker"]))
    return client


def url(name, child):
    return reverse(name, args=[child.local_id])


@pytest.mark.parametrize("name", SECTIONS)
def test_section_unauthenticated_goes_to_sign_in(client, two_services, name):
    response = client.get(url(name, two_services["ours"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))


@pytest.mark.parametrize("name", SECTIONS)
def test_section_refuses_a_role_without_the_permission(client, make_user, two_services, name):
    client.force_login(make_user(Role.PARTNER_REFERRER))
    assert client.get(url(name, two_services["ours"])).status_code == 403


@pytest.mark.parametrize("name", SECTIONS)
def test_section_is_not_found_outside_scope(signed_in, two_services, name):
    assert signed_in.get(url(name, two_services["theirs"])).status_code == 404


@pytest.mark.parametrize("name", SECTIONS)
def test_section_opens_with_the_sub_navigation_and_is_logged(signed_in, two_services, name):
    child = two_services["ours"]

    page = signed_in.get(url(name, child)).content.decode()

    assert 'class="moj-sub-navigation"' in page
    assert page.count('aria-current="page"') >= 1
    assert AccessLogEntry.objects.filter(child=child, action="view_record").exists()


def test_visits_show_the_childs_voice_or_why_it_is_missing(signed_in, two_services):
    child = two_services["ours"]
    VisitFactory(child=child, visit_date=D(2025, 3, 3), childs_views="I like my new room.")
    VisitFactory(
        child=child,
        visit_date=D(2025, 2, 3),
        childs_views_not_recorded_code="declined",
        childs_views_not_recorded_reason="Did not want to talk today.",
    )
    VisitFactory(child=child, visit_date=D(2025, 1, 6), seen=False)

    page = signed_in.get(url("people:child-visits", child)).content.decode()

    assert "I like my new room." in page
    assert "The child declined to share their views: Did not want to talk today." in page
    assert "No views and no reason recorded" in page
    assert "Not seen" in page


def test_long_lists_are_paged(signed_in, two_services):
    child = two_services["ours"]
    VisitFactory.create_batch(PAGE_SIZE + 3, child=child)

    first = signed_in.get(url("people:child-visits", child))
    second = signed_in.get(url("people:child-visits", child), {"page": 2})

    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert len(second.context["page"].object_list) == 3
    assert 'class="govuk-pagination"' in first.content.decode()


def test_plans_and_meetings_lists_plans_and_their_meetings(signed_in, two_services):
    child = two_services["ours"]
    plan = ChildProtectionPlanFactory(child=child)
    CoreGroupMeetingFactory(plan=plan)

    page = signed_in.get(url("people:child-plans", child)).content.decode()

    assert "Child protection plan" in page
    assert "Core group meeting" in page


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "name",
    ["people:child", "people:child-visits", "people:child-documents", "people:child-chronology"],
)
def test_section_query_count_does_not_grow_with_events(signed_in, two_services, name):
    child = two_services["ours"]
    VisitFactory(child=child)
    CaseNoteFactory(child=child)
    signed_in.get(url(name, child))  # warm: the calendar's closure days are read once a process
    one = _queries(signed_in, url(name, child))
    VisitFactory.create_batch(20, child=child)
    CaseNoteFactory.create_batch(20, child=child)

    assert _queries(signed_in, url(name, child)) == one
