"""Child protection plan pages: the plan, its outcomes and actions, core groups,
visits under the plan, and ending it."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.casework.services import visits
from kinfolio.protection import selectors
from kinfolio.protection.forms import plans as forms
from kinfolio.protection.models import ChildProtectionPlan, PlanAction, PlanOutcome
from kinfolio.protection.services import core_groups, plan_actions, plans
from kinfolio.protection.views.common import child_and, journey_url
from kinfolio.recording.pages import record_page


def _plan_url(plan) -> str:
    return reverse("protection:plan", args=[plan.child.local_id, plan.pk])


@require_GET
@permission_required(Permission.RECORD_CASEWORK)
def plan(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    record_access(
        by=request.user,
        action="view_record",
        request=request,
        child=child,
        object_ref=f"protection.childprotectionplan:{found.pk}",
    )
    return render(
        request,
        "protection/plan.html",
        {
            "child": child,
            "plan": found,
            "outcomes": selectors.plan_outcomes(found),
            "core_groups": found.core_group_meetings.all(),
            "visits": found.visits.select_related("worker"),
            "reviews": found.review_conferences.all(),
        },
    )


def _plan_page(request, local_id, plan_id, *, form_class, service, title):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return record_page(
        request,
        form_class=form_class,
        service=service,
        arguments={"plan": found},
        child=child,
        title=title,
        caption=f"Child protection plan for {child.full_name}",
        success_url=_plan_url(found),
        success_message=f"{title}: saved",
        back_url=_plan_url(found),
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_outcome(request, local_id: str, plan_id: int):
    return _plan_page(
        request,
        local_id,
        plan_id,
        form_class=forms.OutcomeForm,
        service=plan_actions.add_outcome,
        title="Add an outcome",
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_action(request, local_id: str, plan_id: int, outcome_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    outcome = get_object_or_404(PlanOutcome, pk=outcome_id, cp_plan=found)
    return record_page(
        request,
        form_class=forms.ActionForm,
        service=plan_actions.add_action,
        arguments={"outcome": outcome},
        child=child,
        title="Add an action",
        caption=outcome.outcome,
        success_url=_plan_url(found),
        success_message="Action added",
        back_url=_plan_url(found),
    )


@permission_required(Permission.RECORD_CASEWORK)
def complete_action(request, local_id: str, plan_id: int, plan_action_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    action = get_object_or_404(PlanAction, pk=plan_action_id, outcome__cp_plan=found)
    return record_page(
        request,
        form_class=forms.ActionDoneForm,
        service=plan_actions.complete_action,
        arguments={"action": action},
        instance=action,
        child=child,
        title="Record that the action was done",
        caption=action.action,
        success_url=_plan_url(found),
        success_message="Action done",
        back_url=_plan_url(found),
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_core_group(request, local_id: str, plan_id: int):
    return _plan_page(
        request,
        local_id,
        plan_id,
        form_class=forms.CoreGroupForm,
        service=core_groups.record_meeting,
        title="Record a core group meeting",
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_visit(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return record_page(
        request,
        form_class=forms.VisitForm,
        service=visits.record_visit,
        arguments={
            "child": child,
            "kind": "cp",
            "worker": getattr(request.user, "worker", None),
            "cp_plan": found,
        },
        child=child,
        title="Record a child protection visit",
        caption=f"Child protection plan for {child.full_name}",
        success_url=_plan_url(found),
        success_message="Visit recorded",
        back_url=_plan_url(found),
    )


@permission_required(Permission.RECORD_CASEWORK)
def end_plan(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return record_page(
        request,
        form_class=forms.EndPlanForm,
        service=plans.end_plan,
        arguments={"plan": found},
        instance=found,
        child=child,
        title="End the child protection plan",
        caption=child.full_name,
        success_url=journey_url(child),
        success_message="Child protection plan ended",
        back_url=_plan_url(found),
    )
