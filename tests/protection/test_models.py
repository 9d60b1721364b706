import pytest

from kinfolio.protection import invariants
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from tests.factories import (
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    CoreGroupMeetingFactory,
    D,
    InitialConferenceFactory,
    ReviewConferenceFactory,
    Section47EnquiryFactory,
    StrategyDiscussionFactory,
    assert_db_refuses,
    errors_of,
)

pytestmark = pytest.mark.django_db


def refused(instance, message):
    assert errors_of(instance) == {"__all__": [message]}
    assert_db_refuses(instance)


# Strategy discussions


def test_strategy_discussion_held_without_decision_is_refused():
    discussion = StrategyDiscussionFactory()
    discussion.decision = ""
    refused(discussion, "Record the decision of the strategy discussion.")


def test_strategy_discussion_not_held_without_reason_is_refused():
    discussion = StrategyDiscussionFactory(
        held=False, decision="", not_held_reason="Threshold not met: single agency"
    )
    discussion.not_held_reason = ""
    refused(
        discussion,
        "Enter why a strategy discussion was not held (a discussion that was "
        "not held has no decision).",
    )


def test_strategy_discussion_not_held_with_reason_is_allowed():
    discussion = StrategyDiscussionFactory(
        held=False, decision="", not_held_reason="Threshold not met: single agency"
    )
    assert errors_of(discussion) == {}


def test_strategy_discussion_before_referral_is_refused():
    discussion = StrategyDiscussionFactory.build(
        cin_episode=CINEpisodeFactory(), discussion_date=D(2024, 3, 1)
    )
    assert errors_of(discussion) == {
        "discussion_date": ["This cannot be before the referral date."]
    }


def test_strategy_discussion_held_in_episode_is_allowed():
    discussion = StrategyDiscussionFactory.build(cin_episode=CINEpisodeFactory())
    assert errors_of(discussion) == {}


# Section 47 enquiries


def test_section47_without_strategy_or_reason_is_refused():
    enquiry = Section47EnquiryFactory()
    enquiry.strategy_discussion = None
    refused(
        enquiry,
        "Link the strategy discussion that started the enquiry, or enter why there was none.",
    )


def test_section47_without_strategy_but_with_reason_is_allowed():
    enquiry = Section47EnquiryFactory()
    enquiry.strategy_discussion = None
    enquiry.no_strategy_reason = "Police protection used out of hours; discussed next day"
    assert errors_of(enquiry) == {}


def test_section47_ending_before_start_is_refused():
    enquiry = Section47EnquiryFactory(end_date=D(2024, 3, 20), outcome="icpc")
    enquiry.end_date = D(2024, 3, 1)
    refused(enquiry, "The end date cannot be before the start date.")


def test_section47_completed_without_outcome_is_refused():
    enquiry = Section47EnquiryFactory()
    enquiry.end_date = D(2024, 3, 20)
    refused(enquiry, "A completed enquiry needs an outcome, and an open one cannot have one.")


def test_section47_completed_with_outcome_is_allowed():
    assert errors_of(Section47EnquiryFactory(end_date=D(2024, 3, 20), outcome="icpc")) == {}


def test_section47_before_its_strategy_discussion_is_refused():
    discussion = StrategyDiscussionFactory(discussion_date=D(2024, 3, 8))
    enquiry = Section47EnquiryFactory.build(
        strategy_discussion=discussion, start_date=D(2024, 3, 7)
    )
    assert errors_of(enquiry) == {
        "start_date": ["The enquiry cannot start before its strategy discussion."]
    }


def test_section47_after_a_discussion_that_decided_otherwise_is_refused():
    discussion = StrategyDiscussionFactory(decision="no_s47_cin")
    enquiry = Section47EnquiryFactory.build(strategy_discussion=discussion)
    assert errors_of(enquiry) == {
        "strategy_discussion": ["That strategy discussion did not decide on a section 47 enquiry."]
    }


def test_section47_on_another_childs_discussion_is_refused():
    discussion = StrategyDiscussionFactory()
    other = CINEpisodeFactory()
    enquiry = Section47EnquiryFactory.build(
        strategy_discussion=discussion,
        child=other.child,
        cin_episode=other,
    )
    assert errors_of(enquiry) == {
        "strategy_discussion": ["The strategy discussion is about a different child."]
    }


def test_section47_following_its_discussion_is_allowed():
    enquiry = Section47EnquiryFactory.build(strategy_discussion=StrategyDiscussionFactory())
    assert errors_of(enquiry) == {}


# Conferences


def test_conference_initial_without_section47_is_refused():
    conference = InitialConferenceFactory()
    conference.section47 = None
    refused(
        conference,
        "An initial conference follows a section 47 enquiry, a review "
        "conference reviews a child protection plan, and a transfer-in conference has "
        "neither.",
    )


def test_conference_transfer_in_without_links_is_allowed():
    conference = InitialConferenceFactory()
    conference.section47 = None
    conference.conference_type = "transfer_in"
    assert errors_of(conference) == {}


def test_conference_plan_without_category_is_refused():
    conference = InitialConferenceFactory()
    conference.category_of_abuse = ""
    refused(
        conference,
        "Record a category of abuse when, and only when, the conference "
        "decides the child needs a plan.",
    )


def test_conference_no_plan_with_category_is_refused():
    conference = InitialConferenceFactory()
    conference.plan_required = False
    refused(
        conference,
        "Record a category of abuse when, and only when, the conference "
        "decides the child needs a plan.",
    )


def test_conference_no_plan_without_category_is_allowed():
    assert errors_of(InitialConferenceFactory(plan_required=False, category_of_abuse="")) == {}


def test_conference_invitations_after_it_is_refused():
    conference = InitialConferenceFactory()
    conference.invitations_sent_on = D(2024, 3, 26)
    refused(conference, "Invitations cannot be sent after the conference.")


def test_conference_reports_after_it_is_refused():
    conference = InitialConferenceFactory()
    conference.reports_shared_on = D(2024, 3, 26)
    refused(conference, "Reports cannot be shared after the conference.")


def test_conference_minutes_before_it_is_refused():
    conference = InitialConferenceFactory()
    conference.minutes_distributed_on = D(2024, 3, 24)
    refused(conference, "Minutes cannot be distributed before the conference.")


def test_conference_papers_in_order_are_allowed():
    conference = InitialConferenceFactory(
        invitations_sent_on=D(2024, 3, 15),
        reports_shared_on=D(2024, 3, 21),
        minutes_distributed_on=D(2024, 4, 5),
    )
    assert errors_of(conference) == {}


def test_conference_initial_before_section47_is_refused():
    conference = InitialConferenceFactory.build(
        section47=Section47EnquiryFactory(), conference_date=D(2024, 3, 5)
    )
    assert errors_of(conference) == {
        "conference_date": [
            "An initial conference cannot be before its section 47 enquiry started."
        ]
    }


def test_conference_initial_about_another_child_is_refused():
    conference = InitialConferenceFactory.build(
        section47=Section47EnquiryFactory(), child=ChildFactory()
    )
    assert errors_of(conference) == {
        "section47": ["The section 47 enquiry is about a different child."]
    }


def test_conference_initial_after_section47_is_allowed():
    conference = InitialConferenceFactory.build(section47=Section47EnquiryFactory())
    assert errors_of(conference) == {}


def test_conference_review_after_plan_ended_is_refused():
    plan = ChildProtectionPlanFactory(end_date=D(2024, 6, 1), end_reason="stepped_down_cin")
    conference = ReviewConferenceFactory.build(cp_plan=plan)
    assert errors_of(conference) == {
        "conference_date": ["A review conference must be while the plan is in place."]
    }


def test_conference_review_during_plan_is_allowed():
    conference = ReviewConferenceFactory.build(cp_plan=ChildProtectionPlanFactory())
    assert errors_of(conference) == {}


# Plans


def test_cp_plan_ending_before_start_is_refused():
    plan = ChildProtectionPlanFactory(end_date=D(2024, 9, 1), end_reason="no_longer_at_risk")
    plan.end_date = D(2024, 3, 1)
    refused(plan, "The end date cannot be before the start date.")


def test_cp_plan_ended_without_reason_is_refused():
    plan = ChildProtectionPlanFactory()
    plan.end_date = D(2024, 9, 1)
    refused(plan, "An ended plan needs a reason, and a current one cannot have one.")


def test_cp_plan_ended_with_reason_is_allowed():
    plan = ChildProtectionPlanFactory(end_date=D(2024, 9, 1), end_reason="no_longer_at_risk")
    assert errors_of(plan) == {}


def test_cp_plan_second_current_plan_is_refused():
    first = ChildProtectionPlanFactory()
    conference = InitialConferenceFactory(
        section47=Section47EnquiryFactory(
            strategy_discussion=StrategyDiscussionFactory(cin_episode=first.cin_episode)
        ),
    )
    second = ChildProtectionPlanFactory.build(initial_conference=conference)
    assert "This child already has a current child protection plan." in errors_of(second)["__all__"]
    assert_db_refuses(second)


def test_cp_plan_not_starting_on_conference_date_is_refused():
    plan = ChildProtectionPlanFactory.build(
        initial_conference=InitialConferenceFactory(), start_date=D(2024, 3, 26)
    )
    assert errors_of(plan) == {
        "start_date": ["The plan starts on the date of the conference that decided on it."]
    }


def test_cp_plan_from_conference_that_decided_no_plan_is_refused():
    conference = InitialConferenceFactory(plan_required=False, category_of_abuse="")
    plan = ChildProtectionPlanFactory.build(initial_conference=conference)
    assert errors_of(plan) == {"initial_conference": ["That conference did not decide on a plan."]}


def test_cp_plan_from_a_review_conference_is_refused():
    review = ReviewConferenceFactory()
    plan = ChildProtectionPlanFactory.build(
        initial_conference=review,
        cin_episode=review.cp_plan.cin_episode,
        start_date=review.conference_date,
    )
    assert errors_of(plan)["initial_conference"] == [
        "A plan starts at an initial or transfer-in conference."
    ]


def test_cp_plan_with_another_category_is_refused():
    plan = ChildProtectionPlanFactory.build(
        initial_conference=InitialConferenceFactory(), initial_category="PHY"
    )
    assert errors_of(plan) == {
        "initial_category": ["The initial category is the one the conference decided."]
    }


def test_cp_plan_about_another_child_is_refused():
    conference = InitialConferenceFactory()
    other = CINEpisodeFactory()
    plan = ChildProtectionPlanFactory.build(
        initial_conference=conference,
        child=other.child,
        cin_episode=other,
    )
    assert errors_of(plan) == {"initial_conference": ["The conference is about a different child."]}


def test_cp_plan_outliving_its_episode_is_refused():
    conference = InitialConferenceFactory()
    episode = conference.section47.cin_episode
    episode.close_date, episode.close_reason = D(2024, 8, 1), "RC7"
    episode.save()
    plan = ChildProtectionPlanFactory.build(initial_conference=conference)
    assert errors_of(plan) == {
        "end_date": ["This must end by the date the child in need episode closed."]
    }


def test_cp_plan_from_its_conference_is_allowed():
    plan = ChildProtectionPlanFactory.build(initial_conference=InitialConferenceFactory())
    assert errors_of(plan) == {}


def test_core_group_before_plan_is_refused():
    meeting = CoreGroupMeetingFactory.build(
        plan=ChildProtectionPlanFactory(), meeting_date=D(2024, 3, 20)
    )
    assert errors_of(meeting) == {
        "meeting_date": ["A core group meeting must be while the plan is in place."]
    }


def test_core_group_during_plan_is_allowed():
    assert errors_of(CoreGroupMeetingFactory.build(plan=ChildProtectionPlanFactory())) == {}


# Invariants


def test_strategy_discussions_within_their_episode_finds_an_early_one():
    discussion = StrategyDiscussionFactory()
    StrategyDiscussion.objects.filter(pk=discussion.pk).update(discussion_date=D(2024, 1, 1))
    assert invariants.strategy_discussions_within_their_episode() == [
        f"strategy discussion {discussion.pk}: outside its child in need episode"
    ]


def test_section47s_within_their_episode_finds_an_enquiry_outliving_it():
    enquiry = Section47EnquiryFactory()
    enquiry.cin_episode.close_date, enquiry.cin_episode.close_reason = D(2024, 4, 1), "RC7"
    enquiry.cin_episode.save()
    assert invariants.section47s_within_their_episode() == [
        f"section 47 enquiry {enquiry.pk}: outside its child in need episode"
    ]


def test_section47s_follow_their_strategy_discussion_finds_an_early_enquiry():
    enquiry = Section47EnquiryFactory()
    Section47EnquiryFactory()
    Section47Enquiry.objects.filter(pk=enquiry.pk).update(start_date=D(2024, 3, 5))
    assert invariants.section47s_follow_their_strategy_discussion() == [
        f"section 47 enquiry {enquiry.pk}: does not follow a strategy discussion about the "
        "same child that decided on a section 47 enquiry"
    ]


def test_initial_conferences_follow_their_section47_finds_an_early_icpc():
    conference = InitialConferenceFactory()
    InitialConferenceFactory()
    ChildProtectionConference.objects.filter(pk=conference.pk).update(conference_date=D(2024, 3, 5))
    assert invariants.initial_conferences_follow_their_section47() == [
        f"child protection conference {conference.pk}: before its section 47 enquiry "
        "started, or about another child"
    ]


def test_review_conferences_while_plan_in_place_finds_a_review_on_plan_start():
    conference = ReviewConferenceFactory()
    ChildProtectionConference.objects.filter(pk=conference.pk).update(
        conference_date=conference.cp_plan.start_date
    )
    assert invariants.review_conferences_while_plan_in_place() == [
        f"child protection conference {conference.pk}: review outside its plan, or about "
        "another child"
    ]


def test_cp_plans_start_at_a_conference_that_decided_on_them_finds_a_late_start():
    plan = ChildProtectionPlanFactory()
    ChildProtectionPlanFactory()
    ChildProtectionPlan.objects.filter(pk=plan.pk).update(start_date=D(2024, 4, 1))
    assert invariants.cp_plans_start_at_a_conference_that_decided_on_them() == [
        f"child protection plan {plan.pk}: does not start on the date of an initial or "
        "transfer-in conference about the same child that decided on it, with its category"
    ]


def test_cp_plans_start_at_a_conference_that_decided_on_them_finds_no_plan_decision():
    plan = ChildProtectionPlanFactory()
    ChildProtectionConference.objects.filter(pk=plan.initial_conference_id).update(
        plan_required=None, category_of_abuse=""
    )
    assert len(invariants.cp_plans_start_at_a_conference_that_decided_on_them()) == 1


def test_cp_plans_within_their_episode_finds_a_plan_before_referral():
    plan = ChildProtectionPlanFactory()
    ChildProtectionPlan.objects.filter(pk=plan.pk).update(start_date=D(2024, 1, 1))
    assert invariants.cp_plans_within_their_episode() == [
        f"child protection plan {plan.pk}: outside its child in need episode"
    ]


def test_cp_plans_do_not_overlap_finds_an_overlap():
    first = ChildProtectionPlanFactory(end_date=D(2024, 9, 1), end_reason="no_longer_at_risk")
    conference = InitialConferenceFactory(
        section47=Section47EnquiryFactory(
            strategy_discussion=StrategyDiscussionFactory(cin_episode=first.cin_episode)
        ),
        conference_date=D(2024, 6, 1),
    )
    ChildProtectionPlan.objects.bulk_create(
        [
            ChildProtectionPlan(
                child=first.child,
                cin_episode=first.cin_episode,
                initial_conference=conference,
                start_date=D(2024, 6, 1),
                initial_category="NEG",
                latest_category="NEG",
            )
        ]
    )
    assert len(invariants.cp_plans_do_not_overlap()) == 2


def test_core_groups_while_plan_in_place_finds_an_early_meeting():
    meeting = CoreGroupMeetingFactory()
    CoreGroupMeeting.objects.filter(pk=meeting.pk).update(meeting_date=D(2024, 3, 1))
    assert invariants.core_groups_while_plan_in_place() == [
        f"core group meeting {meeting.pk}: outside its plan"
    ]


# The whole journey: consistent data breaks no rule, and the chronology shows it


def journey():
    from tests.factories import (
        AssessmentFactory,
        CaseNoteFactory,
        DecidedContactFactory,
        EarlyHelpEpisodeFactory,
        PartnerCheckFactory,
        VisitFactory,
    )

    contact = DecidedContactFactory()
    PartnerCheckFactory(contact=contact, response_date=D(2024, 3, 2))
    episode = CINEpisodeFactory(child=contact.child, contact=contact)
    EarlyHelpEpisodeFactory(
        child=contact.child,
        stepped_up_to=episode,
        end_date=D(2024, 3, 4),
        closure_reason="stepped_up",
    )
    AssessmentFactory(
        cin_episode=episode, authorised_date=D(2024, 3, 20), outcome_strategy_discussion=True
    )
    discussion = StrategyDiscussionFactory(cin_episode=episode)
    enquiry = Section47EnquiryFactory(
        strategy_discussion=discussion, end_date=D(2024, 3, 25), outcome="icpc"
    )
    plan = ChildProtectionPlanFactory(
        initial_conference=InitialConferenceFactory(section47=enquiry)
    )
    ReviewConferenceFactory(cp_plan=plan)
    CoreGroupMeetingFactory(plan=plan)
    VisitFactory(child=plan.child, kind="cp", cp_plan=plan)
    CaseNoteFactory(child=plan.child)
    return plan.child


def test_a_consistent_journey_breaks_no_rule():
    from kinfolio.assessments.invariants import CHECKS as assessments
    from kinfolio.casework.invariants import CHECKS as casework
    from kinfolio.early_help.invariants import CHECKS as early_help
    from kinfolio.front_door.invariants import CHECKS as front_door
    from kinfolio.referrals.invariants import CHECKS as referrals

    journey()
    journey()
    checks = front_door + early_help + referrals + assessments + invariants.CHECKS + casework
    assert {check.__name__: check() for check in checks if check()} == {}


def test_chronology_events_cover_the_journey_for_that_child_only():
    from kinfolio.assessments.chronology import LINES as assessments
    from kinfolio.casework.chronology import LINES as casework
    from kinfolio.chronology.selectors import chronology_for
    from kinfolio.early_help.chronology import LINES as early_help
    from kinfolio.front_door.chronology import LINES as front_door
    from kinfolio.protection.chronology import LINES as protection
    from kinfolio.referrals.chronology import LINES as referrals

    child = journey()
    journey()
    lines = front_door + early_help + referrals + assessments + protection + casework
    events = chronology_for(child, lines=lines)
    titles = [event.title for event in events]
    assert titles.count("Section 47 enquiry started") == 1
    assert "Contact from Schools" in titles
    assert "Initial child protection conference" in titles
    assert "Child protection plan started" in titles
    assert "Core group meeting" in titles
    assert "Early help started" in titles
    assert "Referral" in titles
    assert "Assessment authorised" in titles
    assert "Child protection visit (child seen)" in titles
    significant = {e.title for e in events if e.significant}
    assert {
        "Referral",
        "Section 47 enquiry started",
        "Initial child protection conference",
        "Child protection plan started",
        "Strategy discussion",
    } <= significant
