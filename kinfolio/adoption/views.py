"""Adopters through the adoption process, and a child's adoption."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.adoption import forms, selectors
from kinfolio.adoption.models import AdopterHousehold, AdoptionPlan
from kinfolio.adoption.services import adopters, plans
from kinfolio.audit.services import record_access
from kinfolio.people.access import child_for
from kinfolio.recording.forms import DayForm
from kinfolio.recording.pages import child_page, record_page

PAGE_SIZE = 50
# A child's adoption after the decision: each step's form, service and title.
PLAN_STEPS = {
    "placement-order": (DayForm, plans.record_placement_order, "Placement order made"),
    "match": (forms.MatchForm, plans.record_match, "Matched with adopters"),
    "placed": (DayForm, plans.record_placed, "Placed for adoption"),
    "order": (DayForm, plans.record_adoption_order, "Adoption order made"),
    "reversed": (
        forms.ReverseForm,
        plans.reverse_decision,
        "The child should no longer be placed for adoption",
    ),
}


def _adopter_url(household: AdopterHousehold) -> str:
    return reverse("adoption:adopter", args=[household.pk])


@permission_required(Permission.MANAGE_CARERS)
def adopter_list(request):
    page = Paginator(selectors.adopters(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "adoption/adopters.html", {"page": page})


@permission_required(Permission.MANAGE_CARERS)
def adopter_detail(request, adopter_id: int):
    household = get_object_or_404(selectors.adopters(), pk=adopter_id)
    record_access(by=request.user, action="view_record", request=request, object_ref=str(household))
    return render(
        request,
        "adoption/adopter.html",
        {
            "household": household,
            "next_step": adopters.next_step(household),
            "plans": selectors.plans_with(household, user=request.user),
        },
    )


@permission_required(Permission.MANAGE_CARERS)
def adopter_new(request):
    return record_page(
        request,
        form_class=forms.AdopterEnquiryForm,
        service=adopters.record_enquiry,
        title="Record an enquiry to adopt",
        success_url=_adopter_url,
        back_url=reverse("adoption:adopters"),
        success_message="Enquiry recorded",
    )


@permission_required(Permission.MANAGE_CARERS)
def adopter_change(request, adopter_id: int, change: str):
    household = get_object_or_404(AdopterHousehold, pk=adopter_id)
    step = adopters.next_step(household)
    if change == "leaving":
        form_class, service, title, kwargs = (
            forms.AdopterLeavingForm,
            adopters.leave_process,
            ("Leaving the adoption process"),
            {},
        )
    else:
        title = step[1] if step else "No step left to record"
        form_class, service, kwargs = DayForm, adopters.record_step, {"label": title}
    return record_page(
        request,
        form_class=form_class,
        form_kwargs=kwargs,
        service=service,
        arguments={"household": household},
        instance=household,
        title=title,
        caption=str(household),
        success_url=_adopter_url(household),
        back_url=_adopter_url(household),
        success_message=f"{title}: saved",
    )


@permission_required(Permission.VIEW_CHILD_RECORD)
def child_adoption(request, local_id: str):
    child = child_for(request.user, local_id)
    record_access(by=request.user, action="view_record", request=request, child=child)
    return render(
        request,
        "adoption/child_adoption.html",
        {
            "child": child,
            "plans": child.adoption_plans.select_related("adopters").order_by("-adm_decision_date"),
        },
    )


def _child_page(request, child, **kwargs):
    return child_page(
        request, child, return_url=reverse("adoption:child", args=[child.local_id]), **kwargs
    )


@permission_required(Permission.RECORD_CASEWORK)
def plan_decision(request, local_id: str):
    child = child_for(request.user, local_id)
    return _child_page(
        request,
        child,
        form_class=DayForm,
        form_kwargs={"label": "Date of the agency decision maker's decision"},
        service=plans.record_decision,
        arguments={"child": child},
        title="The child should be placed for adoption",
        success_message="Decision recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def plan_step(request, local_id: str, adoption_plan_id: int, step: str):
    child = child_for(request.user, local_id)
    plan = get_object_or_404(AdoptionPlan, pk=adoption_plan_id, child=child)
    form_class, service, title = PLAN_STEPS[step]
    return _child_page(
        request,
        child,
        form_class=form_class,
        form_kwargs={"label": f"Date: {title.lower()}"} if form_class is DayForm else {},
        service=service,
        arguments={"plan": plan},
        instance=plan,
        title=title,
        success_message=f"{title}: recorded",
    )
