import pytest

from kinfolio.accounts.models import Role
from kinfolio.audit.services import restrict_record
from kinfolio.front_door.selectors import count_referrals_made_by, referrals_made_by
from kinfolio.people.selectors import children_visible_to
from tests.factories import ChildFactory, ContactFactory, D, DecidedContactFactory, at
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def referrer():
    return UserFactory(role=Role.PARTNER_REFERRER)


def told(referrer, child, **fields):
    return DecidedContactFactory(
        referred_by=referrer,
        child=child,
        referrer_informed_at=at(2024, 3, 2, 11),
        referrer_informed_method="email",
        referrer_informed_content="We are assessing the family's needs.",
        **fields,
    )


def test_referrals_made_by_lists_only_the_users_own_contacts(referrer):
    mine = told(referrer, ChildFactory(given_name="Amara", family_name="Okafor"))
    ContactFactory(referred_by=UserFactory(role=Role.PARTNER_REFERRER))
    ContactFactory()  # a contact no signed-in referrer made

    referrals = referrals_made_by(referrer)

    assert [r.child_name for r in referrals] == ["Amara Okafor"]
    assert referrals[0].received_on == D(2024, 3, 1)
    assert referrals[0].outcome_sent_on == D(2024, 3, 2)
    assert referrals[0].outcome_told == mine.referrer_informed_content
    assert count_referrals_made_by(referrer) == 1


@pytest.mark.parametrize("factory", [ContactFactory, DecidedContactFactory])
def test_referrals_made_by_untold_contact_has_no_outcome(referrer, factory):
    factory(referred_by=referrer)
    [referral] = referrals_made_by(referrer)
    assert referral.outcome_sent_on is None
    assert referral.outcome_told == ""


def test_referrals_made_by_holds_nothing_but_what_the_referrer_may_see(referrer):
    told(referrer, ChildFactory())
    [referral] = referrals_made_by(referrer)
    assert set(vars(referral)) == {
        "received_on",
        "child_name",
        "outcome_sent_on",
        "outcome_told",
        "waiting",
    }


def test_referrals_made_by_newest_first_and_limited(referrer):
    for day in (3, 5, 4):
        ContactFactory(referred_by=referrer, received_at=at(2024, 3, day))
    referrals = referrals_made_by(referrer, limit=2)
    assert [r.received_on.day for r in referrals] == [5, 4]
    assert count_referrals_made_by(referrer) == 3


def test_referrals_made_by_hides_the_name_of_a_child_whose_record_is_restricted(referrer):
    child = ChildFactory(given_name="Ruby", family_name="Adopted")
    told(referrer, child)
    restrict_record(child=child, reason="Adoption order made", allowed_users=[], by=None)
    [referral] = referrals_made_by(referrer)
    assert referral.child_name is None
    assert referral.outcome_sent_on == D(2024, 3, 2)


def test_referrals_made_by_partner_referrer_still_sees_no_child_record(referrer):
    told(referrer, ChildFactory())
    assert referrals_made_by(referrer)
    assert not children_visible_to(referrer).exists()
