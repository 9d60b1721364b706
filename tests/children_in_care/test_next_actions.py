"""The care record's suggestions in the child's "what needs doing" panel."""

import pytest

from kinfolio.accounts.models import Role
from kinfolio.children_in_care.next_actions import next_actions
from kinfolio.people.record import record_child
from tests.children_in_care.helpers import in_care
from tests.factories import CINEpisodeFactory
from tests.factories_accounts import staff
from tests.factories_care import CareLeaverStatusFactory, ChildFactory

pytestmark = pytest.mark.django_db


def _labels(child, user):
    known = record_child(staff(Role.DIRECTOR), child.local_id)  # as the record reads it
    return [(a.label, a.urgent) for a in next_actions(known, user)]


def test_a_referred_child_can_become_looked_after_and_a_looked_after_child_is_reviewed():
    worker = staff(Role.SOCIAL_WORKER)
    referred, looked_after, nobody = ChildFactory(), ChildFactory(), ChildFactory()
    CINEpisodeFactory(child=referred)
    in_care(looked_after, worker)  # 3 March 2025: its first review is long overdue

    assert _labels(referred, worker) == [("Looked after: care and episodes", False)]
    assert _labels(looked_after, worker) == [
        ("Care record", False),
        ("Record the looked after review", True),
    ]
    assert _labels(nobody, worker) == []
    assert _labels(looked_after, staff(Role.PERFORMANCE_ANALYST)) == []


def test_a_care_leaver_is_offered_their_leaving_care_record():
    child = ChildFactory()
    CareLeaverStatusFactory(child=child)
    assert _labels(child, staff(Role.PERSONAL_ADVISER)) == [
        ("Leaving care: pathway plan and personal adviser", False)
    ]
