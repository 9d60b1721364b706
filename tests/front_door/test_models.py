import pytest

from kinfolio.front_door import invariants
from kinfolio.front_door.models import Contact, PartnerCheck
from tests.factories import (
    CINEpisodeFactory,
    ContactFactory,
    D,
    DecidedContactFactory,
    PartnerCheckFactory,
    assert_db_refuses,
    at,
    errors_of,
)

pytestmark = pytest.mark.django_db


def test_contact_decided_before_received_is_refused():
    contact = DecidedContactFactory()
    contact.decided_at = at(2024, 2, 29, 9)
    assert errors_of(contact) == {
        "__all__": ["The decision cannot be before the contact was received."]
    }
    assert_db_refuses(contact)


def test_contact_decided_after_received_is_allowed():
    contact = DecidedContactFactory(decided_at=at(2024, 3, 1, 10, 5))
    assert errors_of(contact) == {}


def test_contact_decision_without_worker_is_refused():
    contact = DecidedContactFactory()
    contact.decided_by = None
    assert errors_of(contact) == {
        "__all__": ["A decision needs its outcome, date and time, and the worker who made it."]
    }
    assert_db_refuses(contact)


def test_contact_undecided_is_allowed():
    assert errors_of(ContactFactory()) == {}


def test_contact_anonymous_without_reason_is_refused():
    contact = ContactFactory()
    contact.referrer_anonymous = True
    assert errors_of(contact) == {"__all__": ["Enter why the referrer asked to stay anonymous."]}
    assert_db_refuses(contact)


def test_contact_anonymous_with_reason_is_allowed():
    contact = ContactFactory(referrer_anonymous=True, anonymity_reason="Fears reprisal")
    assert errors_of(contact) == {}


def test_contact_referrer_informed_before_decision_is_refused():
    contact = DecidedContactFactory()
    contact.referrer_informed_at = at(2024, 3, 1, 12)
    contact.referrer_informed_method = "phone"
    assert errors_of(contact) == {
        "__all__": ["The referrer can only be told the outcome after the decision."]
    }
    assert_db_refuses(contact)


def test_contact_referrer_informed_after_decision_is_allowed():
    contact = DecidedContactFactory(
        referrer_informed_at=at(2024, 3, 4, 9),
        referrer_informed_method="email",
        referrer_informed_content="Told a referral was made.",
    )
    assert errors_of(contact) == {}


def test_contact_referrer_informed_without_method_is_refused():
    contact = DecidedContactFactory()
    contact.referrer_informed_at = at(2024, 3, 4, 9)
    assert errors_of(contact) == {
        "__all__": ["Record both when and how the referrer was told the outcome."]
    }
    assert_db_refuses(contact)


def test_partner_check_response_before_request_is_refused():
    check = PartnerCheckFactory()
    check.response_date = D(2024, 2, 28)
    assert errors_of(check) == {
        "__all__": ["The response date cannot be before the requested date."]
    }
    assert_db_refuses(check)


def test_partner_check_response_after_request_is_allowed():
    assert errors_of(PartnerCheckFactory(response_date=D(2024, 3, 2))) == {}


def test_partner_check_requested_before_contact_is_refused():
    check = PartnerCheckFactory.build(contact=ContactFactory(), requested_date=D(2024, 2, 29))
    assert errors_of(check) == {
        "requested_date": ["A partner check cannot be requested before the contact was received."]
    }


def test_partner_check_requested_on_contact_day_is_allowed():
    check = PartnerCheckFactory.build(contact=ContactFactory(), requested_date=D(2024, 3, 1))
    assert errors_of(check) == {}


def test_partner_checks_after_contact_finds_an_early_check():
    check = PartnerCheckFactory()
    PartnerCheck.objects.filter(pk=check.pk).update(requested_date=D(2024, 2, 1))
    assert invariants.partner_checks_after_contact() == [
        f"partner check {check.pk}: requested before its contact"
    ]


def test_referral_decisions_opened_a_referral_finds_a_missing_referral():
    lost = DecidedContactFactory()
    made = DecidedContactFactory()
    CINEpisodeFactory(child=made.child, contact=made)
    assert invariants.referral_decisions_opened_a_referral() == [
        f"contact {lost.pk}: decided as a referral but no referral was opened"
    ]
    assert Contact.objects.count() == 2
