"""What the referral-to-protection work suggests doing on a child's record: the next
step of an open referral, assessment, enquiry, conference or plan. The open episode and
plan come with the child (``people.record.record_child``), and so do the episode's
assessment and enquiry (``READ_WITH_CHILD``); no query."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.assessments.models import Assessment
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction
from kinfolio.protection.models import ChildProtectionConference, Section47Enquiry

# Read with the child (``people.record.reads_with_child``): the open episode's assessment
# not yet authorised, and its section 47 enquiry with whether a conference was booked.
READ_WITH_CHILD = {
    "open_assessment": Assessment.objects.filter(
        cin_episode__child=OuterRef("pk"),
        cin_episode__close_date__isnull=True,
        authorised_date__isnull=True,
    ),
    "open_enquiry": Section47Enquiry.objects.filter(
        child=OuterRef("pk"),
        cin_episode__child=OuterRef("pk"),
        cin_episode__close_date__isnull=True,
    ).annotate(
        conferenced=Exists(ChildProtectionConference.objects.filter(section47=OuterRef("pk")))
    ),
}


def _url(name: str, *args) -> str:
    return reverse(name, args=args)


def next_actions(child: Person, user: User) -> list[NextAction]:
    if not has_permission(user, Permission.RECORD_CASEWORK):
        return []
    local_id, today = child.local_id, timezone.localdate()
    episode = child.open_cin_episode
    if episode is None:
        return [NextAction("Open a referral", _url("referrals:open", local_id))]
    actions = [NextAction("Referral and child protection", _url("protection:journey", local_id))]
    assessment = child.open_assessment
    if assessment and assessment.submitted_at is None:
        overdue = assessment.due_date is not None and assessment.due_date < today
        actions.append(
            NextAction(
                "Continue the assessment",
                _url("assessments:assessment", local_id, assessment.pk),
                reason=f"Due by {assessment.due_date:%-d %B %Y}" if assessment.due_date else "",
                urgent=overdue,
            )
        )
    elif assessment and has_permission(user, Permission.AUTHORISE_ASSESSMENTS):
        actions.append(
            NextAction(
                "Authorise the assessment",
                _url("assessments:authorise", local_id, assessment.pk),
                reason="Sent for authorisation",
            )
        )
    enquiry = child.open_enquiry
    if enquiry and enquiry.end_date is None:
        actions.append(
            NextAction(
                "Complete the section 47 enquiry",
                _url("protection:s47-complete", local_id, enquiry.pk),
            )
        )
    elif enquiry and enquiry.outcome == "icpc" and not enquiry.conferenced:
        actions.append(
            NextAction(
                "Book the initial conference",
                _url("protection:icpc-new", local_id, enquiry.pk),
                reason=f"Due by {enquiry.icpc_due_date:%-d %B %Y}" if enquiry.icpc_due_date else "",
                urgent=True,
            )
        )
    plan = child.open_cp_plan
    if plan:
        actions.append(
            NextAction("Record a visit", _url("protection:visit-new", local_id, plan.pk))
        )
        actions.append(
            NextAction("Child protection plan", _url("protection:plan", local_id, plan.pk))
        )
    return actions
