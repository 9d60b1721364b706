"""Assessment pages: the task list, a question page per section, check your answers
before it goes for authorisation, and the manager's sign-off (queue and decision)."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.assessments import forms, selectors
from kinfolio.assessments.models import Assessment
from kinfolio.assessments.services import assessments, authorisation
from kinfolio.audit.services import record_access
from kinfolio.people.access import child_for
from kinfolio.recording.pages import child_page, confirm_page, record_page
from kinfolio.referrals.models import CINEpisode

SECTIONS = {
    "child-seen": (
        forms.ChildSeenForm,
        assessments.record_child_seen,
        "The child seen",
        ("child_seen", "child_seen_date", "child_seen_alone"),
    ),
    "views": (
        forms.ChildsViewsForm,
        assessments.record_childs_views,
        "The child's views",
        ("childs_views", "childs_views_not_recorded_code", "childs_views_not_recorded_reason"),
    ),
    "factors": (forms.FactorsForm, assessments.record_factors, "Factors identified", ()),
    "analysis": (forms.AnalysisForm, assessments.record_analysis, "Analysis", ("analysis",)),
}


def _assessment(request, local_id: str, assessment_id: int):
    child = child_for(request.user, local_id)
    return child, get_object_or_404(Assessment, pk=assessment_id, child=child)


def _task_list_url(assessment) -> str:
    return reverse("assessments:assessment", args=[assessment.child.local_id, assessment.pk])


@permission_required(Permission.RECORD_CASEWORK)
def start(request, local_id: str, episode_id: int):
    child = child_for(request.user, local_id)
    episode = get_object_or_404(CINEpisode, pk=episode_id, child=child)
    return record_page(
        request,
        form_class=forms.StartAssessmentForm,
        service=assessments.start,
        arguments={"episode": episode, "worker": getattr(request.user, "worker", None)},
        child=child,
        title="Start a child and family assessment",
        caption=child.full_name,
        success_url=_task_list_url,
        success_message="Assessment started",
        back_url=reverse("protection:journey", args=[child.local_id]),
    )


@require_GET
@permission_required(Permission.RECORD_CASEWORK)
def assessment(request, local_id: str, assessment_id: int):
    child, found = _assessment(request, local_id, assessment_id)
    record_access(
        by=request.user,
        action="view_record",
        request=request,
        child=child,
        object_ref=f"assessments.assessment:{found.pk}",
    )
    return render(
        request,
        "assessments/assessment.html",
        {"assessment": found, "child": child, "tasks": selectors.assessment_tasks(found)},
    )


@permission_required(Permission.RECORD_CASEWORK)
def section(request, local_id: str, assessment_id: int, name: str):
    child, found = _assessment(request, local_id, assessment_id)
    form_class, service, title, fields = SECTIONS[name]
    initial = {field: getattr(found, field) for field in fields}
    if name == "factors":
        initial["factors"] = list(found.factors.values_list("factor", flat=True))
    return child_page(
        request,
        child,
        return_url=_task_list_url(found),
        form_class=form_class,
        service=service,
        arguments={"assessment": found},
        instance=found,
        initial=initial,
        title=title,
        caption=f"Assessment of {child.full_name}",
        success_message=f"{title}: saved",
    )


@permission_required(Permission.RECORD_CASEWORK)
def submit(request, local_id: str, assessment_id: int):
    child, found = _assessment(request, local_id, assessment_id)
    record_access(
        by=request.user,
        action="view_record",
        request=request,
        child=child,
        object_ref=f"assessments.assessment:{found.pk}",
    )
    return confirm_page(
        request,
        answers=selectors.assessment_answers(found),
        service=authorisation.submit,
        arguments={"assessment": found},
        instance=found,
        title="Check the assessment before you send it for authorisation",
        caption=f"Assessment of {child.full_name}",
        declaration="Once sent, the assessment cannot be changed unless your manager returns it.",
        submit_label="Send for authorisation",
        success_url=_task_list_url(found),
        success_message="Assessment sent to your manager for authorisation",
        back_url=_task_list_url(found),
    )


@permission_required(Permission.AUTHORISE_ASSESSMENTS)
def authorise(request, local_id: str, assessment_id: int):
    child, found = _assessment(request, local_id, assessment_id)
    return child_page(
        request,
        child,
        return_url=reverse("assessments:sign-off-queue"),
        form_class=forms.AuthoriseForm,
        service=authorisation.authorise,
        arguments={"assessment": found},
        instance=found,
        title="Authorise the assessment",
        caption=f"Assessment of {child.full_name}",
        submit_label="Authorise",
        success_message=f"Assessment of {child.full_name} authorised",
        template="assessments/authorise.html",
        context={"answers": selectors.assessment_answers(found), "assessment": found},
    )


@permission_required(Permission.AUTHORISE_ASSESSMENTS)
def return_to_worker(request, local_id: str, assessment_id: int):
    child, found = _assessment(request, local_id, assessment_id)
    return record_page(
        request,
        form_class=forms.ReturnForm,
        service=authorisation.return_for_changes,
        arguments={"assessment": found},
        instance=found,
        child=child,
        title="Return the assessment to the worker",
        caption=f"Assessment of {child.full_name}",
        submit_label="Return to the worker",
        success_url=reverse("assessments:sign-off-queue"),
        success_message=f"Assessment of {child.full_name} returned to the worker",
        back_url=reverse("assessments:authorise", args=[local_id, found.pk]),
    )


@require_GET
@permission_required(Permission.AUTHORISE_ASSESSMENTS)
def sign_off_queue(request):
    queue = selectors.awaiting_authorisation(request.user)
    record_access(
        by=request.user,
        action="view_record",
        request=request,
        object_ref="assessments:sign-off-queue",
    )
    return render(request, "assessments/sign_off_queue.html", {"queue": queue})
