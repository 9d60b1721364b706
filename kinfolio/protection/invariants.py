from django.db.models import F, Q

from kinfolio.core.invariants import overlapping
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolio.protection.models.conferences import INITIAL, TRANSFER_IN
from kinfolio.protection.models.enquiries import S47
from kinfolio.referrals.invariants import outside_episode, report


def strategy_discussions_within_their_episode() -> list[str]:
    return report(
        outside_episode(StrategyDiscussion, start="discussion_date"),
        "outside its child in need episode",
    )


def section47s_within_their_episode() -> list[str]:
    return report(
        outside_episode(Section47Enquiry, start="start_date", end="end_date"),
        "outside its child in need episode",
    )


def section47s_follow_their_strategy_discussion() -> list[str]:
    wrong = Section47Enquiry.objects.filter(strategy_discussion__isnull=False).filter(
        ~Q(child=F("strategy_discussion__child"))
        | Q(strategy_discussion__held=False)
        | ~Q(strategy_discussion__decision=S47)
        | Q(start_date__lt=F("strategy_discussion__discussion_date"))
    )
    return report(
        wrong,
        "does not follow a strategy discussion about the same child that "
        "decided on a section 47 enquiry",
    )


def initial_conferences_follow_their_section47() -> list[str]:
    wrong = ChildProtectionConference.objects.filter(section47__isnull=False).filter(
        ~Q(child=F("section47__child")) | Q(conference_date__lt=F("section47__start_date"))
    )
    return report(wrong, "before its section 47 enquiry started, or about another child")


def review_conferences_while_plan_in_place() -> list[str]:
    wrong = ChildProtectionConference.objects.filter(cp_plan__isnull=False).filter(
        ~Q(child=F("cp_plan__child"))
        | Q(conference_date__lte=F("cp_plan__start_date"))
        | Q(conference_date__gt=F("cp_plan__end_date"))
    )
    return report(wrong, "review outside its plan, or about another child")


def cp_plans_start_at_a_conference_that_decided_on_them() -> list[str]:
    wrong = ChildProtectionPlan.objects.filter(
        ~Q(child=F("initial_conference__child"))
        | ~Q(initial_conference__conference_type__in=[INITIAL, TRANSFER_IN])
        | ~Q(initial_conference__plan_required=True)
        | ~Q(start_date=F("initial_conference__conference_date"))
        | ~Q(initial_category=F("initial_conference__category_of_abuse"))
    )
    return report(
        wrong,
        "does not start on the date of an initial or transfer-in conference "
        "about the same child that decided on it, with its category",
    )


def cp_plans_within_their_episode() -> list[str]:
    return report(
        outside_episode(ChildProtectionPlan, start="start_date", end="end_date"),
        "outside its child in need episode",
    )


def cp_plans_do_not_overlap() -> list[str]:
    return overlapping(ChildProtectionPlan, partition="child")


def core_groups_while_plan_in_place() -> list[str]:
    wrong = CoreGroupMeeting.objects.filter(
        Q(meeting_date__lt=F("plan__start_date")) | Q(meeting_date__gt=F("plan__end_date"))
    )
    return [
        f"core group meeting {pk}: outside its plan" for pk in wrong.values_list("pk", flat=True)
    ]


CHECKS = [
    strategy_discussions_within_their_episode,
    section47s_within_their_episode,
    section47s_follow_their_strategy_discussion,
    initial_conferences_follow_their_section47,
    review_conferences_while_plan_in_place,
    cp_plans_start_at_a_conference_that_decided_on_them,
    cp_plans_within_their_episode,
    cp_plans_do_not_overlap,
    core_groups_while_plan_in_place,
]
