"""Reads for the referral-to-protection pages of one child (already found through
``people.access.child_for``, so within ``children_visible_to``)."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from kinfolio.assessments.models import Assessment
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    PlanOutcome,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolio.recording.tasks import Task, TaskStatus
from kinfolio.referrals.models import CINEpisode


@dataclass
class Journey:
    """A child's episodes and, in each, the work done, newest first."""

    episodes: QuerySet[CINEpisode]
    open_episode: CINEpisode | None
    assessments: QuerySet[Assessment]
    discussions: QuerySet[StrategyDiscussion]
    enquiries: QuerySet[Section47Enquiry]
    conferences: QuerySet[ChildProtectionConference]
    plans: QuerySet[ChildProtectionPlan]


def journey_for(child: Person) -> Journey:
    episodes = child.cin_episodes.select_related("team", "worker")
    return Journey(
        episodes=episodes,
        open_episode=next((e for e in episodes if e.is_open), None),
        assessments=child.assessments.select_related("worker", "signed_off_by"),
        discussions=child.strategy_discussions.prefetch_related("attendees"),
        enquiries=child.section47_enquiries.select_related("strategy_discussion").prefetch_related(
            "conferences"
        ),
        conferences=child.cp_conferences.all(),
        plans=child.cp_plans.prefetch_related("review_conferences"),
    )


def s47_discussions(child: Person) -> QuerySet[StrategyDiscussion]:
    """The strategy discussions that decided on a section 47 enquiry."""
    return child.strategy_discussions.filter(held=True, decision="s47")


def _conference_url(name: str, conference: ChildProtectionConference) -> str:
    return reverse(f"protection:{name}", args=[conference.child.local_id, conference.pk])


def conference_tasks(conference: ChildProtectionConference) -> list[Task]:
    """The conference's parts, in the order they happen."""
    invitees = list(conference.invitees.all())
    decided = conference.plan_required is not None

    def status(done: bool, can: bool = True) -> TaskStatus:
        if done:
            return TaskStatus.COMPLETED
        return TaskStatus.NOT_STARTED if can else TaskStatus.CANNOT_START

    late = sum(i.invited_late for i in invitees)
    return [
        Task(
            "Invitations",
            "" if decided else _conference_url("conference-invite", conference),
            status(bool(invitees)),
            hint=f"{len(invitees)} invited" + (f"; {late} sent late" if late else ""),
        ),
        Task(
            "Attendance and reports",
            "" if decided else _conference_url("conference-attendance", conference),
            status(any(i.attended is not None for i in invitees), bool(invitees)),
        ),
        Task(
            "Decision and the child's views",
            "" if decided else _conference_url("conference-decision", conference),
            status(decided),
        ),
        Task(
            "Chair's minutes distributed",
            _conference_url("conference-minutes", conference) if decided else "",
            status(conference.minutes_distributed_on is not None, decided),
        ),
    ]


def plan_outcomes(plan) -> QuerySet[PlanOutcome]:
    """A plan's outcomes with their actions (two queries whatever their number)."""
    return plan.outcomes.prefetch_related(Prefetch("actions"))
