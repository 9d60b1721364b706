from django.db.models import Q

from kinfolio import codesets
from kinfolio.chronology.events import Lines
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)


def _conference(conference: ChildProtectionConference) -> str:
    if conference.plan_required is None:
        return ""
    if conference.plan_required:
        label = codesets.CP_CATEGORY_OF_ABUSE.label(conference.category_of_abuse)
        return f"Plan needed: {label}"
    return "No plan needed"


KIND = "Child protection"

LINES = [
    Lines(
        KIND,
        StrategyDiscussion,
        "discussion_date",
        "Strategy discussion",
        lambda d: f"Decision: {d.get_decision_display()}",
        significant=True,
        reads=("decision",),
        where=Q(held=True),
    ),
    Lines(
        KIND,
        StrategyDiscussion,
        "discussion_date",
        "Decided not to hold a strategy discussion",
        lambda d: d.not_held_reason,
        significant=True,
        reads=("not_held_reason",),
        where=Q(held=False),
    ),
    Lines(KIND, Section47Enquiry, "start_date", "Section 47 enquiry started", significant=True),
    Lines(
        KIND,
        Section47Enquiry,
        "end_date",
        "Section 47 enquiry completed",
        lambda e: f"Outcome: {e.get_outcome_display()}",
        significant=True,
        reads=("outcome",),
    ),
    Lines(
        KIND,
        ChildProtectionConference,
        "conference_date",
        lambda c: c.get_conference_type_display(),
        _conference,
        significant=True,
        reads=("conference_type", "plan_required", "category_of_abuse"),
    ),
    Lines(
        KIND,
        ChildProtectionPlan,
        "start_date",
        "Child protection plan started",
        lambda p: f"Category: {p.get_initial_category_display()}",
        significant=True,
        reads=("initial_category",),
    ),
    Lines(
        KIND,
        ChildProtectionPlan,
        "end_date",
        "Child protection plan ended",
        lambda p: p.get_end_reason_display(),
        significant=True,
        reads=("end_reason",),
    ),
    Lines(
        KIND,
        CoreGroupMeeting,
        "meeting_date",
        "Core group meeting",
        lambda m: m.notes,
        reads=("notes",),
        child="plan__child",
    ),
]
