"""Referral, closure and child in need plan pages: thin views through the recording
pattern (kinfolio.recording.pages.record_page) over referrals.services."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.people.access import child_for
from kinfolio.recording.pages import record_page
from kinfolio.referrals import forms
from kinfolio.referrals.models import CINEpisode, CINPlan
from kinfolio.referrals.services import cin_plans, referrals


def _hub(child) -> str:
    return reverse("protection:journey", args=[child.local_id])


@permission_required(Permission.RECORD_CASEWORK)
def open_referral(request, local_id: str):
    child = child_for(request.user, local_id)
    worker = getattr(request.user, "worker", None)
    return record_page(
        request,
        form_class=forms.OpenReferralForm,
        service=referrals.open_referral,
        arguments={
            "child": child,
            "team": worker.team if worker else None,
            "worker": worker,
            "contact": child.contacts.filter(decision="referral", referral__isnull=True).first(),
        },
        child=child,
        title="Open a referral",
        caption=child.full_name,
        success_url=_hub(child),
        success_message="Referral opened: the child in need episode has started",
        back_url=_hub(child),
    )


@permission_required(Permission.RECORD_CASEWORK)
def close_episode(request, local_id: str, episode_id: int):
    child = child_for(request.user, local_id)
    episode = get_object_or_404(CINEpisode, pk=episode_id, child=child)
    return record_page(
        request,
        form_class=forms.CloseEpisodeForm,
        service=referrals.close_episode,
        arguments={"episode": episode},
        instance=episode,
        child=child,
        title="Close the case",
        caption=child.full_name,
        success_url=_hub(child),
        success_message="Case closed",
        back_url=_hub(child),
    )


@permission_required(Permission.RECORD_CASEWORK)
def start_cin_plan(request, local_id: str, episode_id: int):
    child = child_for(request.user, local_id)
    episode = get_object_or_404(CINEpisode, pk=episode_id, child=child)
    return record_page(
        request,
        form_class=forms.StartCINPlanForm,
        service=cin_plans.start_plan,
        arguments={"episode": episode, "worker": getattr(request.user, "worker", None)},
        child=child,
        title="Start a child in need plan",
        caption=child.full_name,
        success_url=_hub(child),
        success_message="Child in need plan started",
        back_url=_hub(child),
    )


@permission_required(Permission.RECORD_CASEWORK)
def end_cin_plan(request, local_id: str, cin_plan_id: int):
    child = child_for(request.user, local_id)
    plan = get_object_or_404(CINPlan, pk=cin_plan_id, child=child)
    return record_page(
        request,
        form_class=forms.EndCINPlanForm,
        service=cin_plans.end_plan,
        arguments={"plan": plan},
        instance=plan,
        child=child,
        title="End the child in need plan",
        caption=child.full_name,
        success_url=_hub(child),
        success_message="Child in need plan ended",
        back_url=_hub(child),
    )


@permission_required(Permission.RECORD_CASEWORK)
def review_cin_plan(request, local_id: str, cin_plan_id: int):
    child = child_for(request.user, local_id)
    plan = get_object_or_404(CINPlan, pk=cin_plan_id, child=child)
    return record_page(
        request,
        form_class=forms.ReviewCINPlanForm,
        service=cin_plans.review_plan,
        arguments={"plan": plan},
        child=child,
        title="Review the child in need plan",
        caption=child.full_name,
        success_url=_hub(child),
        success_message="Child in need plan review recorded",
        back_url=_hub(child),
    )
