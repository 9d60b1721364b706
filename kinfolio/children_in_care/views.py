"""Pages for a child coming into care, changes in their care, and leaving care."""

import datetime as dt

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.children_in_care import selectors
from kinfolio.children_in_care.forms import (
    BecomeLookedAfterForm,
    CareChangeForm,
    CeaseCareForm,
    CompleteRecommendationForm,
    HoldReviewForm,
    placement_initial,
)
from kinfolio.children_in_care.models import LACReview, PeriodOfCare, ReviewRecommendation
from kinfolio.children_in_care.record import care_record_for
from kinfolio.children_in_care.services import care, recommendations, reviews
from kinfolio.people.access import child_for
from kinfolio.recording.pages import child_page
from kinfolio.workforce.models import Worker


def care_url(child) -> str:
    return reverse("children_in_care:care", args=[child.local_id])


def care_page(request, child, **kwargs):
    """A question page about a looked after child that returns to their care record."""
    return child_page(request, child, return_url=care_url(child), **kwargs)


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def care_record(request, local_id: str):
    child = child_for(request.user, local_id)
    record_access(
        by=request.user, action="view_record", request=request, child=child, object_ref="care"
    )
    context = {
        "child": child,
        "care": care_record_for(child, today=timezone.localdate()),
        "can_record": has_permission(request.user, Permission.RECORD_CASEWORK),
        "today": timezone.localdate(),
    }
    return render(request, "children_in_care/care_record.html", context)


@permission_required(Permission.RECORD_CASEWORK)
def become_looked_after(request, local_id: str):
    child = child_for(request.user, local_id)
    return care_page(
        request,
        child,
        form_class=BecomeLookedAfterForm,
        service=care.start_looked_after,
        arguments={"child": child},
        initial=placement_initial(request.GET),
        title="The child becomes looked after",
        success_message="Recorded: the child is looked after",
    )


def _open_period(child, period_id: int) -> PeriodOfCare:
    return get_object_or_404(PeriodOfCare, pk=period_id, child=child, end_date__isnull=True)


@permission_required(Permission.RECORD_CASEWORK)
def record_care_change(request, local_id: str, period_id: int):
    child = child_for(request.user, local_id)
    return care_page(
        request,
        child,
        form_class=CareChangeForm,
        service=care.record_change,
        arguments={"period": _open_period(child, period_id)},
        initial=placement_initial(request.GET),
        title="Record a change of legal status or placement",
        success_message="Change recorded: the SSDA903 episodes are updated",
    )


@permission_required(Permission.RECORD_CASEWORK)
def cease_care(request, local_id: str, period_id: int):
    child = child_for(request.user, local_id)
    return care_page(
        request,
        child,
        form_class=CeaseCareForm,
        service=care.cease_care,
        arguments={"period": _open_period(child, period_id)},
        title="The child stops being looked after",
        success_message="Recorded: the child has left care",
    )


@permission_required(Permission.RECORD_CASEWORK)
def hold_review(request, local_id: str, review_id: int):
    child = child_for(request.user, local_id)
    review = get_object_or_404(LACReview, pk=review_id, child=child, review_date__isnull=True)
    return care_page(
        request,
        child,
        form_class=HoldReviewForm,
        service=reviews.hold_review,
        arguments={"review": review},
        title="Record a looked after review",
        initial={"chair": selectors.iro_of(child)},
        success_message="Review recorded: the next review is booked",
    )


@permission_required(Permission.RECORD_CASEWORK)
def complete_recommendation(request, local_id: str, recommendation_id: int):
    child = child_for(request.user, local_id)
    recommendation = get_object_or_404(
        ReviewRecommendation, pk=recommendation_id, child=child, completed_on__isnull=True
    )
    return care_page(
        request,
        child,
        form_class=CompleteRecommendationForm,
        service=recommendations.complete_recommendation,
        arguments={"recommendation": recommendation},
        instance=recommendation,
        title="Mark a review recommendation as done",
        context={"lead": recommendation.text},
        success_message="Recommendation marked as done",
    )


@permission_required(Permission.VIEW_TEAMS)
def iro_workload(request):
    today = dt.date.today()
    return render(
        request,
        "children_in_care/iro_workload.html",
        {
            "iros": selectors.iro_workloads(user=request.user, today=today),
            "ceiling": selectors.iro_caseload_ceiling(),
        },
    )


@permission_required(Permission.VIEW_TEAMS)
def iro_children(request, worker_id: int):
    iro = get_object_or_404(Worker, pk=worker_id)
    children = list(selectors.children_reviewed_by(iro, user=request.user))
    return render(
        request,
        "children_in_care/iro_children.html",
        {"iro": iro, "children": children, "today": dt.date.today()},
    )
