"""A child's plans and meetings, for the "Plans and meetings" section of their record.

One query per kind of record, whatever the number of rows.
"""

from dataclasses import dataclass
from datetime import date

from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    StrategyDiscussion,
)
from kinfolio.referrals.models import CINPlan, CINPlanReview

CONFERENCE_DECISION = {
    True: "Child protection plan needed",
    False: "No child protection plan needed",
    None: "Not yet decided",
}


@dataclass(frozen=True)
class PlanRow:
    kind: str
    start: date
    end: date | None
    detail: str


@dataclass(frozen=True)
class MeetingRow:
    when: date
    kind: str
    detail: str


def plans_for(child: Person) -> list[PlanRow]:
    rows = [
        PlanRow("Child protection plan", p.start_date, p.end_date, p.get_latest_category_display())
        for p in ChildProtectionPlan.objects.filter(child=child)
    ]
    rows += [
        PlanRow("Child in need plan", p.start_date, p.end_date, str(p.worker or ""))
        for p in CINPlan.objects.filter(child=child).select_related("worker")
    ]
    rows += [
        PlanRow("Early help", e.start_date, e.end_date, str(e.lead_practitioner or ""))
        for e in EarlyHelpEpisode.objects.filter(child=child).select_related("lead_practitioner")
    ]
    return sorted(rows, key=lambda r: (r.end is None, r.start), reverse=True)


def meetings_for(child: Person) -> list[MeetingRow]:
    rows = [
        MeetingRow(s.discussion_date, "Strategy discussion", s.get_decision_display())
        for s in StrategyDiscussion.objects.filter(child=child)
    ]
    rows += [
        MeetingRow(
            c.conference_date, c.get_conference_type_display(), CONFERENCE_DECISION[c.plan_required]
        )
        for c in ChildProtectionConference.objects.filter(child=child)
    ]
    rows += [
        MeetingRow(m.meeting_date, "Core group meeting", "")
        for m in CoreGroupMeeting.objects.filter(plan__child=child)
    ]
    rows += [
        MeetingRow(r.review_date, "Child in need plan review", "")
        for r in CINPlanReview.objects.filter(plan__child=child)
    ]
    return sorted(rows, key=lambda r: r.when, reverse=True)
