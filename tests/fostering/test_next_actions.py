"""Fostering and adoption on the child's "what needs doing" panel: offered only to the
children they concern, from what the record already knows of the child (no query)."""

import pytest
from django.urls import reverse

from kinfolio.accounts.models import Role
from kinfolio.fostering.next_actions import next_actions
from kinfolio.people.record import record_child
from kinfolio.people.selectors import children_visible_to
from tests.children_in_care.helpers import in_care
from tests.factories import ChildProtectionPlanFactory, CINEpisodeFactory, D
from tests.factories_accounts import staff
from tests.factories_care import (
    AdoptionPlanFactory,
    ChildFactory,
    PrivateFosteringArrangementFactory,
)

pytestmark = pytest.mark.django_db
SEARCH, PRIVATE, ADOPTION = "Search for a placement", "Private fostering", "Adoption"


@pytest.fixture
def worker():
    return staff(Role.SOCIAL_WORKER)


def _offered(child, user, queries=None):
    known = record_child(staff(Role.DIRECTOR), child.local_id)
    if queries is None:
        return [action.label for action in next_actions(known, user)]
    with queries(0):
        return [action.label for action in next_actions(known, user)]


def test_a_child_in_need_never_looked_after_is_offered_private_fostering_only(
    worker, django_assert_num_queries
):
    child = CINEpisodeFactory(referral_date=D(2025, 1, 6)).child
    assert _offered(child, worker, django_assert_num_queries) == [PRIVATE]


def test_a_looked_after_child_is_offered_placement_search_and_adoption(worker):
    child = ChildFactory()
    in_care(child, worker)
    assert _offered(child, worker) == [SEARCH, ADOPTION]
    PrivateFosteringArrangementFactory(child=child, end_date=D(2024, 6, 1))
    assert _offered(child, worker) == [SEARCH, PRIVATE, ADOPTION]


def test_a_child_on_a_protection_plan_may_need_a_placement(worker):
    child = ChildProtectionPlanFactory(start_date=D(2025, 1, 6)).child
    assert _offered(child, worker) == [SEARCH, PRIVATE]


def test_a_child_with_an_adoption_plan_keeps_their_adoption_page(worker):
    child = AdoptionPlanFactory().child
    assert _offered(child, worker) == [PRIVATE, ADOPTION]


def test_the_record_page_shows_only_what_concerns_the_child(client, two_services):
    child = two_services["ours"]
    CINEpisodeFactory(child=child, referral_date=D(2025, 1, 6))
    user = staff(Role.SOCIAL_WORKER, team=two_services["team"])
    assert children_visible_to(user).filter(pk=child.pk).exists()
    client.force_login(user)
    page = client.get(reverse("people:child", args=[child.local_id])).content.decode()
    assert PRIVATE in page
    assert SEARCH not in page
    assert reverse("adoption:child", args=[child.local_id]) not in page
