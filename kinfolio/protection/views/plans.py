"""Child protection plan pages: the plan, its outcomes and actions, core groups,
visits under the plan, and ending it."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.casework.services import visits
from kinfolio.people.access import child_and
from kinfolio.protection import selectors
from kinfolio.protection.forms import plans as forms
from kinfolio.protection.models import ChildProtectionPlan, PlanAction, PlanOutcome
from kinfolio.protection.services import core_groups, plan_actions, plans
from kinfolio.protection.views.common import journey_url
from kinfolio.recording.pages import child_page, show_record


def _plan_url(plan) -> str:
    return reverse("protection:plan", args=[plan.child.local_id, plan.pk])


@require_GET
@permission_required(Permission.RECORD_CASEWORK)
def plan(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return show_record(
        request,
        "protection/plan.html",
        child=child,
        record=found,
        context={
            "plan": found,
            "outcomes": selectors.plan_outcomes(found),
            "core_groups": found.core_group_meetings.all(),
            "visits": found.visits.select_related("worker"),
            "reviews": found.review_conferences.all(),
        },
    )


def _plan_page(request, child, found, **kwargs):
    """A question page about the plan, back to the plan's page."""
    kwargs.setdefault("caption", f"Child protection plan for {child.full_name}")
    return child_page(request, child, return_url=_plan_url(found), **kwargs)


@permission_required(Permission.RECORD_CASEWORK)
def add_outcome(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return _plan_page(
        request,
        child,
        found,
        form_class=forms.OutcomeForm,
        service=plan_actions.add_outcome,
        arguments={"plan": found},
        title="Add an outcome",
        success_message="Add an outcome: saved",
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_action(request, local_id: str, plan_id: int, outcome_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    outcome = get_object_or_404(PlanOutcome, pk=outcome_id, cp_plan=found)
    return _plan_page(
        request,
        child,
        found,
        form_class=forms.ActionForm,
        service=plan_actions.add_action,
        arguments={"outcome": outcome},
        title="Add an action",
        caption=outcome.outcome,
        success_message="Action added",
    )


@permission_required(Permission.RECORD_CASEWORK)
def complete_action(request, local_id: str, plan_id: int, plan_action_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    action = get_object_or_404(PlanAction, pk=plan_action_id, outcome__cp_plan=found)
    return _plan_page(
        request,
        child,
        found,
        form_class=forms.ActionDoneForm,
        service=plan_actions.complete_action,
        arguments={"action": action},
        instance=action,
        title="Record that the action was done",
        caption=action.action,
        success_message="Action done",
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_core_group(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return _plan_page(
        request,
        child,
        found,
        form_class=forms.CoreGroupForm,
        service=core_groups.record_meeting,
        arguments={"plan": found},
        title="Record a core group meeting",
        success_message="Record a core group meeting: saved",
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_visit(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return _plan_page(
        request,
        child,
        found,
        form_class=forms.VisitForm,
        service=visits.record_visit,
        arguments={
            "child": child,
            "kind": "cp",
            "worker": getattr(request.user, "worker", None),
            "cp_plan": found,
        },
        title="Record a child protection visit",
        success_message="Visit recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def end_plan(request, local_id: str, plan_id: int):
    child, found = child_and(request, local_id, ChildProtectionPlan, plan_id)
    return _plan_page(
        request,
        child,
        found,
        form_class=forms.EndPlanForm,
        service=plans.end_plan,
        arguments={"plan": found},
        instance=found,
        title="End the child protection plan",
        caption=child.full_name,
        success_url=journey_url(child),
        success_message="Child protection plan ended",
    )
