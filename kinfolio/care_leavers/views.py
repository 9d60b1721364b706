"""A care leaver's record and the pages that add to it; each returns to the record."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.care_leavers import forms
from kinfolio.care_leavers.models import PathwayPlanReview
from kinfolio.care_leavers.selectors import leaving_care_record_for
from kinfolio.care_leavers.services import plans, status
from kinfolio.people.access import child_for
from kinfolio.recording.pages import child_page


def _record_url(child) -> str:
    return reverse("care_leavers:record", args=[child.local_id])


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def leaving_care(request, local_id: str):
    child = child_for(request.user, local_id)
    record_access(
        by=request.user, action="view_record", request=request, child=child, object_ref="leaving"
    )
    context = {
        "child": child,
        "record": leaving_care_record_for(child),
        "can_record": has_permission(request.user, Permission.RECORD_CASEWORK),
        "today": timezone.localdate(),
    }
    return render(request, "care_leavers/record.html", context)


def _page(request, local_id: str, *, arguments=None, **kwargs):
    child = child_for(request.user, local_id)
    return child_page(
        request,
        child,
        return_url=_record_url(child),
        arguments={"child": child, **(arguments or {})},
        **kwargs,
    )


@permission_required(Permission.RECORD_CASEWORK)
def record_status(request, local_id: str):
    return _page(
        request,
        local_id,
        form_class=forms.StatusForm,
        service=status.record_status,
        title="Record the care leaver category",
        success_message="Care leaver category recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def start_pathway_plan(request, local_id: str):
    return _page(
        request,
        local_id,
        form_class=forms.PathwayPlanForm,
        service=plans.start_pathway_plan,
        title="Record a pathway plan",
        initial={"personal_adviser": getattr(request.user, "worker", None)},
        success_message="Pathway plan recorded: its first review is booked",
    )


@permission_required(Permission.RECORD_CASEWORK)
def hold_pathway_review(request, local_id: str, pathway_review_id: int):
    child = child_for(request.user, local_id)
    review = get_object_or_404(
        PathwayPlanReview, pk=pathway_review_id, plan__child=child, review_date__isnull=True
    )
    return child_page(
        request,
        child,
        return_url=_record_url(child),
        form_class=forms.PathwayReviewForm,
        service=plans.hold_pathway_review,
        arguments={"review": review},
        title="Record a pathway plan review",
        success_message="Pathway plan review recorded: the next is booked",
    )


@permission_required(Permission.RECORD_CASEWORK)
def birthday_contact(request, local_id: str):
    return _page(
        request,
        local_id,
        form_class=forms.BirthdayContactForm,
        service=plans.record_birthday_contact,
        title="Record the care leaver's information for a birthday",
        success_message="Birthday information recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def staying_put(request, local_id: str):
    return _page(
        request,
        local_id,
        form_class=forms.StayingPutForm,
        service=plans.start_staying_put,
        title="Record staying put",
        success_message="Staying put recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def health_history(request, local_id: str):
    return _page(
        request,
        local_id,
        form_class=forms.HealthHistoryForm,
        service=plans.record_health_history_given,
        title="Record the health history given to the young person",
        success_message="Health history recorded as given",
    )
