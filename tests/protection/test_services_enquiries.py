import pytest

from kinfolio.accounts.models import Role
from kinfolio.protection.models import (
    Section47Enquiry,
    StrategyDiscussion,
    StrategyDiscussionAttendee,
)
from kinfolio.protection.services import enquiries, strategy
from kinfolio.protection.services.strategy import Attendee
from tests.factories import (
    CINEpisodeFactory,
    D,
    Section47EnquiryFactory,
    StrategyDiscussionFactory,
)
from tests.factories_accounts import staff
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db

EVERYONE = [
    Attendee("Jo Bloggs", "social_care", "Social worker"),
    Attendee("DC Patel", "police"),
    Attendee("Nurse Amir", "health", "School nurse"),
]


@pytest.fixture
def user():
    return staff(Role.SOCIAL_WORKER)


def test_record_discussion_with_social_care_police_and_health(user):
    episode = CINEpisodeFactory()

    discussion = strategy.record_discussion(
        episode=episode,
        discussion_date=D(2024, 3, 6),
        attendees=EVERYONE,
        decision="s47",
        by=user,
    )

    assert discussion.held
    assert discussion.child == episode.child
    assert [a.agency for a in discussion.attendees.all()] == ["social_care", "police", "health"]


def test_record_discussion_refuses_one_without_the_police(user):
    episode = CINEpisodeFactory()

    assert_refused(
        lambda: strategy.record_discussion(
            episode=episode,
            discussion_date=D(2024, 3, 6),
            attendees=[a for a in EVERYONE if a.agency != "police"],
            decision="s47",
            by=user,
        ),
        message="Add who attended from police",
        counted=[StrategyDiscussion, StrategyDiscussionAttendee],
    )


def test_record_discussion_needs_a_decision(user):
    assert_refused(
        lambda: strategy.record_discussion(
            episode=CINEpisodeFactory(),
            discussion_date=D(2024, 3, 6),
            attendees=EVERYONE,
            decision="",
            by=user,
        ),
        message="Select the decision of the strategy discussion",
        counted=[StrategyDiscussion],
    )


def test_start_is_refused_without_a_strategy_discussion_or_a_reason(user):
    episode = CINEpisodeFactory()

    refused = assert_refused(
        lambda: enquiries.start(episode=episode, start_date=D(2024, 3, 6), by=user),
        message="cannot start without a strategy discussion",
        counted=[Section47Enquiry],
    )

    assert list(refused.message_dict) == ["strategy_discussion"]


def test_start_with_a_recorded_reason_for_no_strategy_discussion(user):
    episode = CINEpisodeFactory()

    enquiry = enquiries.start(
        episode=episode,
        start_date=D(2024, 3, 6),
        no_strategy_reason="Police unavailable out of hours; child safe with grandmother.",
        by=user,
    )

    assert enquiry.strategy_discussion is None
    assert enquiry.icpc_due_date == D(2024, 3, 27)  # 15 working days from its own start


def test_start_from_the_strategy_discussion_stores_the_icpc_due_date(user):
    discussion = StrategyDiscussionFactory(discussion_date=D(2024, 3, 6))

    enquiry = enquiries.start(
        episode=discussion.cin_episode,
        start_date=D(2024, 3, 7),
        strategy_discussion=discussion,
        by=user,
    )

    assert enquiry.icpc_due_date == D(2024, 3, 27)  # 15 working days from 6 March 2024


def test_start_is_refused_from_a_discussion_that_decided_against_an_enquiry(user):
    discussion = StrategyDiscussionFactory(decision="no_s47_cin")

    assert_refused(
        lambda: enquiries.start(
            episode=discussion.cin_episode,
            start_date=D(2024, 3, 7),
            strategy_discussion=discussion,
            by=user,
        ),
        message="did not decide on a section 47 enquiry",
        counted=[Section47Enquiry],
    )


def test_complete_records_the_outcome_and_findings(user):
    enquiry = Section47EnquiryFactory()

    enquiries.complete(
        enquiry=enquiry,
        end_date=D(2024, 3, 15),
        outcome="icpc",
        summary="Injuries consistent with the account given.",
        opened_version=1,
        by=user,
    )

    enquiry.refresh_from_db()
    assert (enquiry.outcome, enquiry.end_date, enquiry.version) == ("icpc", D(2024, 3, 15), 2)


def test_complete_needs_an_outcome(user):
    enquiry = Section47EnquiryFactory()

    assert_refused(
        lambda: enquiries.complete(
            enquiry=enquiry,
            end_date=D(2024, 3, 15),
            outcome="",
            summary="Findings",
            opened_version=1,
            by=user,
        ),
        message="Select the outcome of the enquiry",
        unchanged=[enquiry],
    )
