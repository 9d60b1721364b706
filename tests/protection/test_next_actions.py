"""What the protection work suggests on a child's record, read with the child."""

import pytest

from kinfolio.accounts.models import Role
from kinfolio.people.record import next_actions_for, record_child
from tests.factories import D, InitialConferenceFactory, Section47EnquiryFactory
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db


def _offered(child, user) -> list[str]:
    known = record_child(staff(Role.DIRECTOR), child.local_id)
    return [action.label for action in next_actions_for(known, user)]


def test_an_enquiry_that_calls_a_conference_asks_for_one_until_it_is_booked():
    enquiry = Section47EnquiryFactory(end_date=D(2024, 3, 12), outcome="icpc")
    user = staff(Role.SOCIAL_WORKER)
    assert "Book the initial conference" in _offered(enquiry.child, user)
    InitialConferenceFactory(section47=enquiry, plan_required=False, category_of_abuse="")
    assert "Book the initial conference" not in _offered(enquiry.child, user)
