"""Child protection conferences: booked, invited, held, decided and minuted.

``schedule_initial`` asks the timescales engine for the initial conference's due date
(from the strategy discussion that started the section 47 enquiry), stores it, and
refuses a later date without a reason for the delay; review conferences likewise. An
invitation's lead time is checked against the configured rule when it is sent, and a
late one is flagged, not refused (Ofsted, 2012, found invitations sent late). A
decision that the child needs a plan starts the plan in the same transaction.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolio import codesets
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    ConferenceInvitee,
    Section47Enquiry,
)
from kinfolio.protection.models.conferences import INITIAL, REVIEW, TRANSFER_IN
from kinfolio.protection.services.enquiries import ICPC_RULE, icpc_clock_start
from kinfolio.timescales.services import due_date
from kinfolio.workforce.models import Worker

ICPC_OUTCOME = "icpc"
INVITATION_RULE = "conference_invitations_5wd"
FIRST_REVIEW_RULE, LATER_REVIEW_RULE = "rcpc_first_3m", "rcpc_subsequent_6m"


@dataclass(frozen=True)
class Invitation:
    name: str
    agency: str


def _book(conference: ChildProtectionConference, delay_reason: str, *, by):
    if conference.conference_date is None:
        raise ValidationError({"date": "Enter the date of the conference"})
    due = conference.due_date
    if due is not None and conference.conference_date > due and not delay_reason.strip():
        raise ValidationError(
            {
                "delay_reason": f"The conference is due by {due:%-d %B %Y}. Enter why it is "
                "being held later"
            }
        )
    conference.delay_reason = (
        delay_reason.strip() if due and conference.conference_date > due else ""
    )
    return create_record(instance=conference, by=by, child=conference.child)


def schedule_initial(
    *,
    enquiry: Section47Enquiry,
    date: dt.date,
    delay_reason: str = "",
    chair: Worker | None = None,
    by,
) -> ChildProtectionConference:
    """Book the initial conference the enquiry decided on, due by the engine's date."""
    if enquiry.outcome != ICPC_OUTCOME:
        raise ValidationError(
            "Book an initial conference once the section 47 enquiry has decided on one"
        )
    if enquiry.conferences.filter(conference_type=INITIAL).exists():
        raise ValidationError("An initial conference is already booked for this enquiry")
    if date is not None and date < enquiry.start_date:
        raise ValidationError({"date": "The conference must be after the enquiry started"})
    conference = ChildProtectionConference(
        child=enquiry.child,
        conference_type=INITIAL,
        section47=enquiry,
        conference_date=date,
        chair=chair,
        due_date=due_date(ICPC_RULE, icpc_clock_start(enquiry)),
    )
    return _book(conference, delay_reason, by=by)


def schedule_review(
    *,
    plan: ChildProtectionPlan,
    date: dt.date,
    delay_reason: str = "",
    chair: Worker | None = None,
    by,
) -> ChildProtectionConference:
    """Book a review conference: the first due 3 months after the plan started, each
    later one 6 months after the last (or as the rules in force say)."""
    if not plan.is_current:
        raise ValidationError("The child protection plan has ended")
    if date is not None and date <= plan.start_date:
        raise ValidationError({"date": "A review conference must be after the plan started"})
    if plan.review_conferences.filter(plan_required__isnull=True).exists():
        raise ValidationError("A review conference is already booked and not yet held")
    last = plan.review_conferences.order_by("-conference_date").first()
    due = (
        due_date(LATER_REVIEW_RULE, last.conference_date)
        if last
        else due_date(FIRST_REVIEW_RULE, plan.start_date)
    )
    conference = ChildProtectionConference(
        child=plan.child,
        conference_type=REVIEW,
        cp_plan=plan,
        conference_date=date,
        chair=chair,
        due_date=due,
    )
    return _book(conference, delay_reason, by=by)


def schedule_transfer_in(
    *, child: Person, date: dt.date, chair: Worker | None = None, by
) -> ChildProtectionConference:
    """Book a transfer-in conference for a child with a plan made by another authority."""
    if not child.cin_episodes.filter(close_date__isnull=True).exists():
        raise ValidationError("Open a referral for the child before booking a transfer-in")
    conference = ChildProtectionConference(
        child=child, conference_type=TRANSFER_IN, conference_date=date, chair=chair
    )
    return _book(conference, "", by=by)


def invite(
    *,
    conference: ChildProtectionConference,
    invitations: Sequence[Invitation],
    sent_on: dt.date,
    by,
) -> list[ConferenceInvitee]:
    """Record invitations sent; each is checked against the configured lead time and
    flagged when it went out after the date it was due."""
    if not invitations:
        raise ValidationError({"invitations": "Add at least one person invited"})
    if any(
        not i.name.strip() or codesets.MEETING_AGENCY.get(i.agency) is None for i in invitations
    ):
        raise ValidationError({"invitations": "Enter the name and agency of each person invited"})
    if sent_on is None:
        raise ValidationError({"sent_on": "Enter the date the invitations were sent"})
    refuse_future_dates(sent_on=sent_on)
    if sent_on > conference.conference_date:
        raise ValidationError({"sent_on": "Invitations must be sent before the conference"})
    due_by = due_date(INVITATION_RULE, conference.conference_date)
    with (
        transaction.atomic(),
        edit_record(instance=conference, by=by, child=conference.child) as row,
    ):
        if row.invitations_sent_on is None or sent_on < row.invitations_sent_on:
            row.invitations_sent_on = sent_on
        invited = [
            create_record(
                instance=ConferenceInvitee(
                    conference=row,
                    name=i.name.strip(),
                    agency=i.agency,
                    invited_on=sent_on,
                    invite_due_by=due_by,
                    invited_late=sent_on > due_by,
                ),
                by=by,
                child=row.child,
            )
            for i in invitations
        ]
    return invited


def record_attendance(
    *,
    conference: ChildProtectionConference,
    attended: Mapping[int, bool],
    reports_received: Mapping[int, dt.date | None],
    reports_shared_on: dt.date | None,
    opened_version: int | None,
    by,
) -> ChildProtectionConference:
    """Who came (by invitee id), whose reports arrived and when, and when the reports
    were shared with the family."""
    invitees = {i.pk: i for i in conference.invitees.all()}
    if set(attended) - set(invitees) or set(reports_received) - set(invitees):
        raise ValidationError({"attended": "Choose from the people invited"})
    refuse_future_dates(reports_shared_on=reports_shared_on)
    today = timezone.localdate()
    if any(day is not None and day > today for day in reports_received.values()):
        raise ValidationError({"reports_received": "The date must be today or in the past"})
    if reports_shared_on is not None and reports_shared_on > conference.conference_date:
        raise ValidationError(
            {"reports_shared_on": "Reports must be shared with the family before the conference"}
        )
    with (
        transaction.atomic(),
        edit_record(
            instance=conference, by=by, opened_version=opened_version, child=conference.child
        ) as row,
    ):
        row.reports_shared_on = reports_shared_on
        for pk, invitee in invitees.items():
            with edit_record(instance=invitee, by=by, child=row.child) as person:
                person.attended = attended.get(pk, person.attended)
                person.report_received_on = reports_received.get(pk, person.report_received_on)
    return conference
