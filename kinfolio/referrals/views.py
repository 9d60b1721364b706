"""Referral, closure and child in need plan pages: thin views through the recording
pattern (kinfolio.recording.pages.child_page) over referrals.services."""

from django.urls import reverse

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.people.access import child_and, child_for
from kinfolio.recording.pages import child_page
from kinfolio.referrals import forms
from kinfolio.referrals.models import CINEpisode, CINPlan
from kinfolio.referrals.services import cin_plans, referrals


def _hub(child) -> str:
    return reverse("protection:journey", args=[child.local_id])


@permission_required(Permission.RECORD_CASEWORK)
def open_referral(request, local_id: str):
    child = child_for(request.user, local_id)
    worker = getattr(request.user, "worker", None)
    return child_page(
        request,
        child,
        return_url=_hub(child),
        form_class=forms.OpenReferralForm,
        service=referrals.open_referral,
        arguments={
            "child": child,
            "team": worker.team if worker else None,
            "worker": worker,
            "contact": child.contacts.filter(decision="referral", referral__isnull=True).first(),
        },
        title="Open a referral",
        success_message="Referral opened: the child in need episode has started",
    )


@permission_required(Permission.RECORD_CASEWORK)
def close_episode(request, local_id: str, episode_id: int):
    child, episode = child_and(request, local_id, CINEpisode, episode_id)
    return child_page(
        request,
        child,
        return_url=_hub(child),
        form_class=forms.CloseEpisodeForm,
        service=referrals.close_episode,
        arguments={"episode": episode},
        instance=episode,
        title="Close the case",
        success_message="Case closed",
    )


@permission_required(Permission.RECORD_CASEWORK)
def start_cin_plan(request, local_id: str, episode_id: int):
    child, episode = child_and(request, local_id, CINEpisode, episode_id)
    return child_page(
        request,
        child,
        return_url=_hub(child),
        form_class=forms.StartCINPlanForm,
        service=cin_plans.start_plan,
        arguments={"episode": episode, "worker": getattr(request.user, "worker", None)},
        title="Start a child in need plan",
        success_message="Child in need plan started",
    )


@permission_required(Permission.RECORD_CASEWORK)
def end_cin_plan(request, local_id: str, cin_plan_id: int):
    child, plan = child_and(request, local_id, CINPlan, cin_plan_id)
    return child_page(
        request,
        child,
        return_url=_hub(child),
        form_class=forms.EndCINPlanForm,
        service=cin_plans.end_plan,
        arguments={"plan": plan},
        instance=plan,
        title="End the child in need plan",
        success_message="Child in need plan ended",
    )


@permission_required(Permission.RECORD_CASEWORK)
def review_cin_plan(request, local_id: str, cin_plan_id: int):
    child, plan = child_and(request, local_id, CINPlan, cin_plan_id)
    return child_page(
        request,
        child,
        return_url=_hub(child),
        form_class=forms.ReviewCINPlanForm,
        service=cin_plans.review_plan,
        arguments={"plan": plan},
        title="Review the child in need plan",
        success_message="Child in need plan review recorded",
    )
