import pytest

from kinfolio.accounts.models import Role
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    ConferenceInvitee,
)
from kinfolio.protection.services import conference_decisions, conferences
from kinfolio.protection.services.conferences import Invitation
from tests.factories import (
    ChildProtectionPlanFactory,
    D,
    InitialConferenceFactory,
    Section47EnquiryFactory,
)
from tests.factories_accounts import staff
from tests.refusals import assert_refused

pytestmark = pytest.mark.django_db

VOICE = {
    "childs_views": "I feel safe at nan's.",
    "childs_views_not_recorded_code": "",
    "childs_views_not_recorded_reason": "",
}


@pytest.fixture
def user():
    return staff(Role.IRO)


@pytest.fixture
def enquiry():
    """An enquiry from the strategy discussion of 6 March 2024 that decided on an ICPC."""
    return Section47EnquiryFactory(
        strategy_discussion__discussion_date=D(2024, 3, 6),
        start_date=D(2024, 3, 6),
        end_date=D(2024, 3, 15),
        outcome="icpc",
    )


def held(**fields) -> ChildProtectionConference:
    """An initial conference held, its decision not yet recorded."""
    return InitialConferenceFactory(
        plan_required=None, category_of_abuse="", childs_views="", **fields
    )


def test_schedule_initial_stores_the_engines_due_date(user, enquiry):
    conference = conferences.schedule_initial(enquiry=enquiry, date=D(2024, 3, 25), by=user)

    assert conference.due_date == D(2024, 3, 27)  # 15 working days from the discussion
    assert conference.delay_reason == ""


def test_schedule_initial_refuses_a_later_date_without_a_reason(user, enquiry):
    refused = assert_refused(
        lambda: conferences.schedule_initial(enquiry=enquiry, date=D(2024, 4, 3), by=user),
        message="The conference is due by 27 March 2024. Enter why it is being held later",
        counted=[ChildProtectionConference],
    )

    assert list(refused.message_dict) == ["delay_reason"]


def test_schedule_initial_accepts_a_later_date_with_a_reason(user, enquiry):
    conference = conferences.schedule_initial(
        enquiry=enquiry, date=D(2024, 4, 3), delay_reason="Father in hospital", by=user
    )

    assert conference.delay_reason == "Father in hospital"


def test_schedule_initial_is_refused_until_the_enquiry_decides_on_one(user):
    open_enquiry = Section47EnquiryFactory()

    assert_refused(
        lambda: conferences.schedule_initial(enquiry=open_enquiry, date=D(2024, 3, 25), by=user),
        message="once the section 47 enquiry has decided on one",
        counted=[ChildProtectionConference],
    )


def test_schedule_review_is_due_three_months_after_the_plan_started(user):
    plan = ChildProtectionPlanFactory(start_date=D(2024, 3, 25))

    review = conferences.schedule_review(plan=plan, date=D(2024, 6, 20), by=user)

    assert review.due_date == D(2024, 6, 25)
    assert review.cp_plan == plan


def test_invite_flags_an_invitation_sent_after_the_lead_time(user):
    conference = held(conference_date=D(2024, 3, 25))

    [late] = conferences.invite(
        conference=conference,
        invitations=[Invitation("Dr Hale", "health")],
        sent_on=D(2024, 3, 21),
        by=user,
    )
    [in_time] = conferences.invite(
        conference=conference,
        invitations=[Invitation("DC Patel", "police")],
        sent_on=D(2024, 3, 15),
        by=user,
    )

    # 5 working days before Monday 25 March 2024 is Monday 18 March.
    assert (late.invite_due_by, late.invited_late) == (D(2024, 3, 18), True)
    assert in_time.invited_late is False
    conference.refresh_from_db()
    assert conference.invitations_sent_on == D(2024, 3, 15)


def test_invite_refuses_invitations_sent_after_the_conference(user):
    conference = held(conference_date=D(2024, 3, 25))

    assert_refused(
        lambda: conferences.invite(
            conference=conference,
            invitations=[Invitation("Dr Hale", "health")],
            sent_on=D(2024, 3, 26),
            by=user,
        ),
        message="Invitations must be sent before the conference",
        counted=[ConferenceInvitee],
        unchanged=[conference],
    )


def test_record_attendance_and_reports(user):
    conference = held(conference_date=D(2024, 3, 25))
    [doctor] = conferences.invite(
        conference=conference,
        invitations=[Invitation("Dr Hale", "health")],
        sent_on=D(2024, 3, 15),
        by=user,
    )

    conferences.record_attendance(
        conference=conference,
        attended={doctor.pk: True},
        reports_received={doctor.pk: D(2024, 3, 22)},
        reports_shared_on=D(2024, 3, 21),
        opened_version=2,
        by=user,
    )

    doctor.refresh_from_db()
    assert doctor.attended
    assert doctor.report_received_on == D(2024, 3, 22)


def test_record_decision_starts_the_plan_from_the_conference(user):
    conference = held(conference_date=D(2024, 3, 25))

    conference_decisions.record_decision(
        conference=conference,
        child_attended=False,
        plan_required=True,
        category_of_abuse="EMO",
        opened_version=1,
        by=user,
        **VOICE,
    )

    plan = ChildProtectionPlan.objects.get(initial_conference=conference)
    assert (plan.start_date, plan.initial_category) == (D(2024, 3, 25), "EMO")
    assert plan.childs_views == VOICE["childs_views"]


def test_record_decision_without_the_childs_voice_writes_nothing(user):
    conference = held(conference_date=D(2024, 3, 25))

    assert_refused(
        lambda: conference_decisions.record_decision(
            conference=conference,
            child_attended=False,
            plan_required=True,
            category_of_abuse="EMO",
            childs_views="",
            childs_views_not_recorded_code="",
            childs_views_not_recorded_reason="",
            opened_version=1,
            by=user,
        ),
        message="Enter the child's views",
        counted=[ChildProtectionPlan],
        unchanged=[conference],
    )


def test_record_decision_needs_a_category_when_a_plan_is_needed(user):
    conference = held(conference_date=D(2024, 3, 25))

    assert_refused(
        lambda: conference_decisions.record_decision(
            conference=conference,
            child_attended=False,
            plan_required=True,
            category_of_abuse="",
            opened_version=1,
            by=user,
            **VOICE,
        ),
        message="Select the category of abuse",
        counted=[ChildProtectionPlan],
        unchanged=[conference],
    )


def test_record_decision_at_a_review_changes_the_plans_category(user):
    plan = ChildProtectionPlanFactory()
    review = conferences.schedule_review(plan=plan, date=D(2024, 6, 20), by=user)

    conference_decisions.record_decision(
        conference=review,
        child_attended=True,
        plan_required=True,
        category_of_abuse="MUL",
        opened_version=1,
        by=user,
        **VOICE,
    )

    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category) == ("NEG", "MUL")


def test_record_minutes_refuses_a_date_before_the_conference(user):
    conference = InitialConferenceFactory(conference_date=D(2024, 3, 25))

    assert_refused(
        lambda: conference_decisions.record_minutes(
            conference=conference,
            minutes_distributed_on=D(2024, 3, 20),
            opened_version=1,
            by=user,
        ),
        message="Minutes are distributed on or after the conference",
        unchanged=[conference],
    )


def test_record_minutes_with_the_distribution_date(user):
    conference = InitialConferenceFactory(conference_date=D(2024, 3, 25))

    conference_decisions.record_minutes(
        conference=conference, minutes_distributed_on=D(2024, 4, 2), opened_version=1, by=user
    )

    conference.refresh_from_db()
    assert conference.minutes_distributed_on == D(2024, 4, 2)
