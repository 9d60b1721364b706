"""Pages for a child coming into care, changes in their care, and leaving care."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.children_in_care.forms import BecomeLookedAfterForm, CareChangeForm, CeaseCareForm
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.children_in_care.services import care
from kinfolio.people.access import child_for
from kinfolio.recording.pages import record_page


def _page(request, child, **kwargs):
    record_url = reverse("people:child", args=[child.local_id])
    return record_page(
        request,
        child=child,
        caption=child.full_name,
        success_url=record_url,
        back_url=record_url,
        **kwargs,
    )


@permission_required(Permission.RECORD_CASEWORK)
def become_looked_after(request, local_id: str):
    child = child_for(request.user, local_id)
    return _page(
        request,
        child,
        form_class=BecomeLookedAfterForm,
        service=care.start_looked_after,
        arguments={"child": child},
        title="The child becomes looked after",
        success_message="Recorded: the child is looked after",
    )


def _open_period(child, period_id: int) -> PeriodOfCare:
    return get_object_or_404(PeriodOfCare, pk=period_id, child=child, end_date__isnull=True)


@permission_required(Permission.RECORD_CASEWORK)
def record_care_change(request, local_id: str, period_id: int):
    child = child_for(request.user, local_id)
    return _page(
        request,
        child,
        form_class=CareChangeForm,
        service=care.record_change,
        arguments={"period": _open_period(child, period_id)},
        title="Record a change of legal status or placement",
        success_message="Change recorded: the SSDA903 episodes are updated",
    )


@permission_required(Permission.RECORD_CASEWORK)
def cease_care(request, local_id: str, period_id: int):
    child = child_for(request.user, local_id)
    return _page(
        request,
        child,
        form_class=CeaseCareForm,
        service=care.cease_care,
        arguments={"period": _open_period(child, period_id)},
        title="The child stops being looked after",
        success_message="Recorded: the child has left care",
    )
