"""Early help pages: the episode, its assessment, the team around the family, reviews,
and its end (closure with an outcome, or a step-up to a referral, each checked before
it is final); and the step-down into early help from a child in need episode."""

from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.early_help import forms
from kinfolio.early_help.models import EarlyHelpEpisode
from kinfolio.early_help.services import episodes, family_team
from kinfolio.people.access import child_and, child_for
from kinfolio.recording.check import check_page
from kinfolio.recording.pages import child_page, show_record
from kinfolio.referrals.models import CINEpisode


def _episode_url(episode) -> str:
    return reverse("early_help:episode", args=[episode.child.local_id, episode.pk])


def _record_url(child) -> str:
    return reverse("people:child", args=[child.local_id])


def _question(request, local_id, early_help_id, *, edits=False, **kwargs):
    """A question page about one early help episode, back to the episode's page."""
    child, episode = child_and(request, local_id, EarlyHelpEpisode, early_help_id)
    return child_page(
        request,
        child,
        return_url=_episode_url(episode),
        arguments={"episode": episode},
        instance=episode if edits else None,
        caption=f"Early help for {child.full_name}",
        **kwargs,
    )


@require_GET
@permission_required(Permission.RECORD_CASEWORK)
def episode(request, local_id: str, early_help_id: int):
    child, found = child_and(request, local_id, EarlyHelpEpisode, early_help_id)
    return show_record(
        request,
        "early_help/episode.html",
        child=child,
        record=found,
        context={
            "episode": found,
            "members": found.team_members.all(),
            "reviews": found.reviews.all(),
        },
    )


@permission_required(Permission.RECORD_CASEWORK)
def start(request, local_id: str):
    child = child_for(request.user, local_id)
    return child_page(
        request,
        child,
        return_url=_record_url(child),
        form_class=forms.StartForm,
        service=episodes.start_episode,
        arguments={"child": child},
        title="Start early help",
        success_url=_episode_url,
        success_message="Early help started",
    )


@permission_required(Permission.RECORD_CASEWORK)
def assessment(request, local_id: str, early_help_id: int):
    child, found = child_and(request, local_id, EarlyHelpEpisode, early_help_id)
    fields = [name for name in forms.AssessmentForm.base_fields if name != "opened_version"]
    return _question(
        request,
        local_id,
        early_help_id,
        edits=True,
        form_class=forms.AssessmentForm,
        service=episodes.record_assessment,
        initial={name: getattr(found, name) for name in fields},
        title="Early help assessment",
        success_message="Early help assessment saved",
    )


@permission_required(Permission.RECORD_CASEWORK)
def lead_practitioner(request, local_id: str, early_help_id: int):
    return _question(
        request,
        local_id,
        early_help_id,
        edits=True,
        form_class=forms.LeadPractitionerForm,
        service=family_team.set_lead_practitioner,
        title="Lead practitioner",
        success_message="Lead practitioner saved",
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_member(request, local_id: str, early_help_id: int):
    return _question(
        request,
        local_id,
        early_help_id,
        form_class=forms.MemberForm,
        service=family_team.add_member,
        title="Add someone to the team around the family",
        success_message="Added to the team around the family",
    )


@permission_required(Permission.RECORD_CASEWORK)
def add_review(request, local_id: str, early_help_id: int):
    return _question(
        request,
        local_id,
        early_help_id,
        form_class=forms.ReviewForm,
        service=family_team.record_review,
        title="Record an early help review",
        success_message="Early help review recorded",
    )


# Ending early help: a question page, then check your answers before it is final.
ENDINGS = {
    "close": (
        forms.CloseForm,
        episodes.close_episode,
        "Close early help",
        "Early help closed",
    ),
    "step-up": (
        forms.StepUpForm,
        episodes.step_up_to_referral,
        "Step up to children's social care",
        "Referred to children's social care: early help closed as stepped up",
    ),
}


@permission_required(Permission.RECORD_CASEWORK)
def end(request, local_id: str, early_help_id: int, name: str):
    form_class, _, title, _ = ENDINGS[name]
    return _question(
        request,
        local_id,
        early_help_id,
        edits=True,
        form_class=form_class,
        service=None,  # the check page calls it
        title=title,
        success_message="",
        submit_label="Continue",
        check_url=reverse(f"early_help:{name}-check", args=[local_id, early_help_id]),
    )


@permission_required(Permission.RECORD_CASEWORK)
def end_check(request, local_id: str, early_help_id: int, name: str):
    child, found = child_and(request, local_id, EarlyHelpEpisode, early_help_id)
    form_class, service, title, done = ENDINGS[name]
    return check_page(
        request,
        form_class=form_class,
        question_url=reverse(f"early_help:{name}", args=[local_id, early_help_id]),
        service=service,
        arguments={"episode": found},
        instance=found,
        child=child,
        title=f"Check your answers: {title.lower()}",
        caption=f"Early help for {child.full_name}",
        declaration="Once saved, this early help episode is closed.",
        success_url=_record_url(child),
        success_message=done,
    )


@permission_required(Permission.RECORD_CASEWORK)
def step_down(request, local_id: str, episode_id: int):
    child, _ = child_and(request, local_id, CINEpisode, episode_id)
    return child_page(
        request,
        child,
        return_url=_record_url(child),
        form_class=forms.StepDownForm,
        service=None,  # the check page calls it
        title="Step down to early help",
        success_message="",
        submit_label="Continue",
        check_url=reverse("early_help:step-down-check", args=[local_id, episode_id]),
    )


@permission_required(Permission.RECORD_CASEWORK)
def step_down_check(request, local_id: str, episode_id: int):
    child, cin_episode = child_and(request, local_id, CINEpisode, episode_id)
    return check_page(
        request,
        form_class=forms.StepDownForm,
        question_url=reverse("early_help:step-down", args=[local_id, episode_id]),
        service=episodes.step_down,
        arguments={"cin_episode": cin_episode},
        child=child,
        title="Check your answers: step down to early help",
        caption=child.full_name,
        declaration="The receiving practitioner will lead early help, following this plan.",
        success_url=_episode_url,
        success_message="Stepped down to early help",
    )
