"""Front door services: each rule both ways; nothing written and no history on refusal."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.audit.models import ChangeEvent
from kinfolio.front_door.models import Contact, OnlineReferral
from kinfolio.front_door.queue import front_door_queue, referrers_not_told
from kinfolio.front_door.services import contacts, decisions, online, outcomes
from kinfolio.people.models import Person
from tests.factories import ChildFactory, ContactFactory, D, DecidedContactFactory
from tests.factories_accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


def _sent(**overrides):
    fields = {
        "source": "2A",
        "referrer_role": "Designated safeguarding lead",
        "referrer_phone": "01234 567890",
        "child_given_name": "Amara",
        "child_family_name": "Okafor",
        "child_date_of_birth": D(2016, 3, 31),
        "child_nhs_number": "999 000 0018",
        "child_address": "",
        "concern_summary": "Bruise on her arm; says mum's partner shouts.",
        "consent_obtained": True,
        "referrer_anonymous": False,
        "anonymity_reason": "",
    }
    return {**fields, **overrides}


def test_submit_referral_keeps_what_the_partner_sent():
    partner = UserFactory(role=Role.PARTNER_REFERRER)

    referral = online.submit_referral(**_sent(), by=partner)

    assert referral.child_nhs_number == "9990000018"
    assert referral.contact is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"concern_summary": " "}, "concern_summary"),
        ({"consent_obtained": None}, "consent_obtained"),
        ({"referrer_anonymous": True}, "anonymity_reason"),
        ({"child_nhs_number": "123"}, "child_nhs_number"),
        ({"child_date_of_birth": None}, "child_date_of_birth"),
    ],
)
def test_submit_referral_refuses_what_is_missing(overrides, field):
    with pytest.raises(ValidationError) as refused:
        online.submit_referral(**_sent(**overrides), by=UserFactory(role=Role.PARTNER_REFERRER))
    assert field in refused.value.message_dict
    assert not OnlineReferral.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_submit_referral_only_by_a_partner():
    with pytest.raises(ValidationError):
        online.submit_referral(**_sent(), by=staff(Role.MASH_WORKER))
    assert not OnlineReferral.objects.exists()


def _record(by, **overrides):
    fields = {
        "match": "new",
        "child_given_name": "Amara",
        "child_family_name": "Okafor",
        "child_date_of_birth": D(2016, 3, 31),
        "child_nhs_number": "",
        "received_at": timezone.now(),
        "source": "2A",
        "referrer_name": "Ms Lee",
        "referrer_agency": "Park School",
        "concern_summary": "Bruise on her arm.",
        "consent_obtained": True,
        "referrer_anonymous": False,
        "anonymity_reason": "",
    }
    return contacts.record_contact(**{**fields, **overrides}, by=by)


def test_record_contact_about_a_new_child_starts_the_decision_clock():
    contact = _record(staff(Role.MASH_WORKER))

    assert contact.child.local_id.startswith("N")
    assert contact.child.family_name == "Okafor"
    assert contact.decision_due_at > contact.received_at
    assert ChangeEvent.objects.filter(object_id=str(contact.pk), kind="created").exists()


def test_record_contact_refuses_to_guess_when_a_possible_duplicate_exists():
    ChildFactory(given_name="Amara", family_name="Okafor", date_of_birth=D(2016, 3, 31))
    people = Person.objects.count()

    with pytest.raises(ValidationError) as refused:
        _record(staff(Role.MASH_WORKER), match="new")

    assert list(refused.value.message_dict) == ["match"]
    assert Person.objects.count() == people
    assert not Contact.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_record_contact_refuses_a_new_child_with_a_known_nhs_number():
    ChildFactory(nhs_number="9990000018")

    with pytest.raises(ValidationError, match="NHS number is already recorded"):
        _record(staff(Role.MASH_WORKER), child_nhs_number="9990000018", match="not-listed")
    assert not Contact.objects.exists()
    assert not ChangeEvent.objects.exists()


def test_record_contact_about_a_matched_child_links_the_online_referral():
    child = ChildFactory(given_name="Amara", family_name="Okafor", date_of_birth=D(2016, 3, 31))
    partner = UserFactory(role=Role.PARTNER_REFERRER)
    sent = online.submit_referral(**_sent(), by=partner)

    contact = _record(staff(Role.MASH_WORKER), match=child.local_id, online_referral=sent)

    sent.refresh_from_db()
    assert contact.child == child
    assert sent.contact == contact
    assert contact.referred_by == partner


def test_decide_needs_a_rag_rating_first_then_stops_the_clock():
    mash = staff(Role.MASH_WORKER)
    contact = ContactFactory()

    with pytest.raises(ValidationError, match="RAG rating"):
        decisions.decide(contact=contact, decision="no_further_action", opened_version=1, by=mash)
    contact.refresh_from_db()
    assert contact.decided_at is None
    assert not ChangeEvent.objects.exists()

    decisions.rate(contact=contact, rag_rating="green", opened_version=1, by=mash)
    decisions.decide(contact=contact, decision="no_further_action", opened_version=2, by=mash)

    contact.refresh_from_db()
    assert contact.decision == "no_further_action"
    assert contact.decided_by == mash.worker
    assert contact not in [w.contact for w in front_door_queue(mash)]
    assert contact in referrers_not_told(mash)


def test_decide_refuses_a_second_decision():
    contact = DecidedContactFactory(rag_rating="green")
    with pytest.raises(ValidationError, match="already been made"):
        decisions.decide(
            contact=contact, decision="early_help", opened_version=1, by=staff(Role.MASH_WORKER)
        )


def test_partner_checks_requested_and_returned():
    mash = staff(Role.MASH_WORKER)
    contact = ContactFactory()
    with pytest.raises(ValidationError):
        decisions.request_check(contact=contact, agency="", requested_date=D(2024, 3, 1), by=mash)
    check = decisions.request_check(
        contact=contact, agency="police", requested_date=D(2024, 3, 1), by=mash
    )
    with pytest.raises(ValidationError):
        decisions.record_check_response(
            check=check, response_date=D(2024, 3, 1), summary="", by=mash
        )

    decisions.record_check_response(
        check=check, response_date=D(2024, 3, 1), summary="Two call-outs this year.", by=mash
    )

    check.refresh_from_db()
    assert check.summary == "Two call-outs this year."


def test_tell_referrer_records_and_e_mails_the_outcome(django_capture_on_commit_callbacks):
    contact = DecidedContactFactory(referrer_email="lee@school.example", referrer_name="Ms Lee")
    message = outcomes.compose_outcome(contact)
    assert "no further action" in message or contact.decision in outcomes.OUTCOME_WORDS

    with django_capture_on_commit_callbacks(execute=True):
        outcomes.tell_referrer(
            contact=contact,
            method="email",
            content=message,
            opened_version=1,
            by=staff(Role.MASH_WORKER),
        )

    contact.refresh_from_db()
    assert contact.referrer_informed_content == message.strip()
    assert [m.to for m in mail.outbox] == [["lee@school.example"]]


def test_tell_referrer_refuses_before_a_decision_and_by_email_without_an_address():
    mash = staff(Role.MASH_WORKER)
    with pytest.raises(ValidationError, match="Decide"):
        outcomes.tell_referrer(
            contact=ContactFactory(), method="phone", content="x", opened_version=1, by=mash
        )
    with pytest.raises(ValidationError) as refused:
        outcomes.tell_referrer(
            contact=DecidedContactFactory(referrer_email=""),
            method="email",
            content="x",
            opened_version=1,
            by=mash,
        )
    assert list(refused.value.message_dict) == ["method"]
    assert not ChangeEvent.objects.exists()
    assert not mail.outbox


def test_record_contact_without_a_timescale_in_force_is_still_recorded():
    from kinfolio.timescales.models import TimescaleRule

    TimescaleRule.objects.filter(key="contact_decision_1wd").delete()

    contact = _record(staff(Role.MASH_WORKER))

    assert contact.pk
    assert contact.decision_due_at is None
