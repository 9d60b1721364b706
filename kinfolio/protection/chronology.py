from collections.abc import Iterator

from kinfolio import codesets
from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)


def events(child: Person) -> Iterator[ChronologyEvent]:
    for discussion in StrategyDiscussion.objects.filter(child=child):
        source = f"protection.strategydiscussion:{discussion.pk}"
        if discussion.held:
            yield ChronologyEvent(
                discussion.discussion_date,
                "Child protection",
                "Strategy discussion",
                f"Decision: {discussion.get_decision_display()}",
                significant=True,
                source=source,
            )
        else:
            yield ChronologyEvent(
                discussion.discussion_date,
                "Child protection",
                "Decided not to hold a strategy discussion",
                discussion.not_held_reason,
                significant=True,
                source=source,
            )
    for enquiry in Section47Enquiry.objects.filter(child=child):
        source = f"protection.section47enquiry:{enquiry.pk}"
        yield ChronologyEvent(
            enquiry.start_date,
            "Child protection",
            "Section 47 enquiry started",
            significant=True,
            source=source,
        )
        if enquiry.end_date:
            yield ChronologyEvent(
                enquiry.end_date,
                "Child protection",
                "Section 47 enquiry completed",
                f"Outcome: {enquiry.get_outcome_display()}",
                significant=True,
                source=source,
            )
    for conference in ChildProtectionConference.objects.filter(child=child):
        if conference.plan_required is None:
            detail = ""
        elif conference.plan_required:
            label = codesets.CP_CATEGORY_OF_ABUSE.label(conference.category_of_abuse)
            detail = f"Plan needed: {label}"
        else:
            detail = "No plan needed"
        yield ChronologyEvent(
            conference.conference_date,
            "Child protection",
            conference.get_conference_type_display(),
            detail,
            significant=True,
            source=f"protection.childprotectionconference:{conference.pk}",
        )
    for plan in ChildProtectionPlan.objects.filter(child=child):
        source = f"protection.childprotectionplan:{plan.pk}"
        yield ChronologyEvent(
            plan.start_date,
            "Child protection",
            "Child protection plan started",
            f"Category: {plan.get_initial_category_display()}",
            significant=True,
            source=source,
        )
        if plan.end_date:
            yield ChronologyEvent(
                plan.end_date,
                "Child protection",
                "Child protection plan ended",
                plan.get_end_reason_display(),
                significant=True,
                source=source,
            )
    for meeting in CoreGroupMeeting.objects.filter(plan__child=child):
        yield ChronologyEvent(
            meeting.meeting_date,
            "Child protection",
            "Core group meeting",
            meeting.notes,
            source=f"protection.coregroupmeeting:{meeting.pk}",
        )
