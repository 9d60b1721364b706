"""Conference pages: booking an initial, review or transfer-in conference, its task
list, a question page for each part (invitations, attendance and reports, decision,
minutes), and check your answers before the decision is final."""

from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.people.access import child_and, child_for
from kinfolio.protection import selectors
from kinfolio.protection.forms import conferences as forms
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
)
from kinfolio.protection.models.conferences import REVIEW
from kinfolio.protection.services import conference_decisions, conferences
from kinfolio.protection.views.common import journey_url
from kinfolio.recording.check import check_page
from kinfolio.recording.pages import child_page, show_record


def _task_list(conference) -> str:
    return reverse("protection:conference", args=[conference.child.local_id, conference.pk])


def _book(request, child, service, arguments, title, due_from, form_class=forms.BookConferenceForm):
    return child_page(
        request,
        child,
        return_url=journey_url(child),
        form_class=form_class,
        service=service,
        arguments=arguments,
        title=title,
        success_url=_task_list,
        success_message="Conference booked",
        template="protection/book_conference.html",
        context={"due_from": due_from},
    )


@permission_required(Permission.RECORD_CASEWORK)
def book_initial(request, local_id: str, enquiry_id: int):
    child, enquiry = child_and(request, local_id, Section47Enquiry, enquiry_id)
    return _book(
        request,
        child,
        conferences.schedule_initial,
        {"enquiry": enquiry},
        "Book the initial child protection conference",
        enquiry.icpc_due_date,
    )


@permission_required(Permission.RECORD_CASEWORK)
def book_review(request, local_id: str, plan_id: int):
    child, plan = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return _book(
        request,
        child,
        conferences.schedule_review,
        {"plan": plan},
        "Book a review child protection conference",
        None,
    )


@permission_required(Permission.RECORD_CASEWORK)
def book_transfer_in(request, local_id: str):
    child = child_for(request.user, local_id)
    return _book(
        request,
        child,
        conferences.schedule_transfer_in,
        {"child": child},
        "Book a transfer-in child protection conference",
        None,
        form_class=forms.TransferInForm,
    )


@require_GET
@permission_required(Permission.RECORD_CASEWORK)
def conference(request, local_id: str, conference_id: int):
    child, found = child_and(request, local_id, ChildProtectionConference, conference_id)
    return show_record(
        request,
        "protection/conference.html",
        child=child,
        record=found,
        context={
            "conference": found,
            "tasks": selectors.conference_tasks(found),
            "invitees": found.invitees.all(),
        },
    )


PARTS = {
    "invite": (forms.InvitationsForm, conferences.invite, "Invitations sent", False),
    "attendance": (
        forms.AttendanceForm,
        conferences.record_attendance,
        "Attendance and reports",
        True,
    ),
    "decision": (
        forms.DecisionForm,
        conference_decisions.record_decision,
        "The conference's decision",
        True,
    ),
    "minutes": (
        forms.MinutesForm,
        conference_decisions.record_minutes,
        "Chair's minutes distributed",
        True,
    ),
}


@permission_required(Permission.RECORD_CASEWORK)
def part(request, local_id: str, conference_id: int, name: str):
    child, found = child_and(request, local_id, ChildProtectionConference, conference_id)
    form_class, service, title, versioned = PARTS[name]
    extra = {"invitees": list(found.invitees.all())} if name == "attendance" else {}
    check = name == "decision"  # final once recorded: checked first (decision_check)
    return child_page(
        request,
        child,
        return_url=_task_list(found),
        form_class=form_class,
        form_kwargs=extra,
        service=None if check else service,
        check_url=reverse("protection:conference-decision-check", args=[local_id, found.pk])
        if check
        else "",
        submit_label="Continue" if check else "Save",
        arguments={"conference": found},
        instance=found if versioned else None,
        title=title,
        caption=str(found),
        success_message=f"{title}: saved",
        template="protection/conference_part.html",
        context={"conference": found, "part": name},
    )


@permission_required(Permission.RECORD_CASEWORK)
def decision_check(request, local_id: str, conference_id: int):
    child, found = child_and(request, local_id, ChildProtectionConference, conference_id)
    _, service, title, _ = PARTS["decision"]
    starts_plan = found.conference_type != REVIEW
    return check_page(
        request,
        form_class=forms.DecisionForm,
        question_url=reverse("protection:conference-decision", args=[local_id, found.pk]),
        service=service,
        arguments={"conference": found},
        instance=found,
        child=child,
        title="Check the conference's decision",
        caption=str(found),
        declaration="Once recorded, the decision cannot be changed"
        + (", and a decision that the child needs a plan starts the plan." if starts_plan else "."),
        submit_label="Record the decision",
        success_url=_task_list(found),
        success_message=f"{title}: saved",
    )
