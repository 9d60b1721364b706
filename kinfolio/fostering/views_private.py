"""Private fostering on a child's record: notifications, visits and the end."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.casework.services import visits
from kinfolio.fostering import forms
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.fostering.services import private_fostering
from kinfolio.people.access import child_for
from kinfolio.protection.forms.plans import VisitForm
from kinfolio.recording.pages import child_page


@permission_required(Permission.VIEW_CHILD_RECORD)
def arrangements(request, local_id: str):
    child = child_for(request.user, local_id)
    record_access(by=request.user, action="view_record", request=request, child=child)
    return render(
        request,
        "fostering/private_fostering.html",
        {
            "child": child,
            "arrangements": child.private_fostering_arrangements.order_by("-start_date"),
            "visits": child.visits.filter(kind="private_fostering").order_by("-visit_date"),
        },
    )


def _page(request, child, **kwargs):
    url = reverse("fostering:private-fostering", args=[child.local_id])
    return child_page(request, child, return_url=url, **kwargs)


@permission_required(Permission.RECORD_CASEWORK)
def notify(request, local_id: str):
    child = child_for(request.user, local_id)
    return _page(
        request,
        child,
        form_class=forms.PrivateFosteringForm,
        service=private_fostering.notify,
        arguments={"child": child},
        title="Record a private fostering notification",
        success_message="Notification recorded: the first visit is due within 7 working days",
    )


def _arrangement(child, arrangement_id: int) -> PrivateFosteringArrangement:
    return get_object_or_404(PrivateFosteringArrangement, pk=arrangement_id, child=child)


@permission_required(Permission.RECORD_CASEWORK)
def visit(request, local_id: str, arrangement_id: int):
    child = child_for(request.user, local_id)
    _arrangement(child, arrangement_id)
    return _page(
        request,
        child,
        form_class=VisitForm,
        service=visits.record_visit,
        arguments={
            "child": child,
            "kind": "private_fostering",
            "worker": getattr(request.user, "worker", None),
        },
        title="Record a private fostering visit",
        success_message="Visit recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def end(request, local_id: str, arrangement_id: int):
    child = child_for(request.user, local_id)
    return _page(
        request,
        child,
        form_class=forms.EndArrangementForm,
        service=private_fostering.end_arrangement,
        arguments={"arrangement": _arrangement(child, arrangement_id)},
        title="The private fostering arrangement ended",
        success_message="Recorded: the arrangement has ended",
    )
