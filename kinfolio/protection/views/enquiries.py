"""The child's referral-to-protection page, strategy discussions and section 47 pages."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.people.access import child_for
from kinfolio.protection import selectors
from kinfolio.protection.forms import enquiries as forms
from kinfolio.protection.models import Section47Enquiry
from kinfolio.protection.services import enquiries, strategy
from kinfolio.protection.views.common import child_and, journey_url
from kinfolio.recording.pages import record_page
from kinfolio.referrals.models import CINEpisode


@require_GET
@permission_required(Permission.RECORD_CASEWORK)
def journey(request, local_id: str):
    child = child_for(request.user, local_id)
    record_access(
        by=request.user,
        action="view_record",
        request=request,
        child=child,
        object_ref="protection:journey",
    )
    return render(
        request,
        "protection/journey.html",
        {"child": child, "journey": selectors.journey_for(child)},
    )


@permission_required(Permission.RECORD_CASEWORK)
def new_discussion(request, local_id: str, episode_id: int):
    child, episode = child_and(request, local_id, CINEpisode, episode_id)
    return record_page(
        request,
        form_class=forms.StrategyDiscussionForm,
        service=strategy.record_discussion,
        arguments={"episode": episode, "chair": getattr(request.user, "worker", None)},
        child=child,
        title="Record a strategy discussion",
        caption=child.full_name,
        success_url=journey_url(child),
        success_message="Strategy discussion recorded",
        back_url=journey_url(child),
    )


@permission_required(Permission.RECORD_CASEWORK)
def new_enquiry(request, local_id: str, episode_id: int):
    child, episode = child_and(request, local_id, CINEpisode, episode_id)
    return record_page(
        request,
        form_class=forms.StartEnquiryForm,
        form_kwargs={"discussions": list(selectors.s47_discussions(child))},
        service=enquiries.start,
        arguments={"episode": episode, "worker": getattr(request.user, "worker", None)},
        child=child,
        title="Start a section 47 enquiry",
        caption=child.full_name,
        success_url=journey_url(child),
        success_message="Section 47 enquiry started",
        back_url=journey_url(child),
    )


@permission_required(Permission.RECORD_CASEWORK)
def complete_enquiry(request, local_id: str, enquiry_id: int):
    child = child_for(request.user, local_id)
    enquiry = get_object_or_404(Section47Enquiry, pk=enquiry_id, child=child)
    return record_page(
        request,
        form_class=forms.CompleteEnquiryForm,
        service=enquiries.complete,
        arguments={"enquiry": enquiry},
        instance=enquiry,
        child=child,
        title="Complete the section 47 enquiry",
        caption=child.full_name,
        success_url=journey_url(child),
        success_message="Section 47 enquiry completed",
        back_url=journey_url(child),
    )
