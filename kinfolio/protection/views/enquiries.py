"""The child's referral-to-protection page, strategy discussions and section 47 pages."""

from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.people.access import child_and, child_for
from kinfolio.protection import selectors
from kinfolio.protection.forms import enquiries as forms
from kinfolio.protection.models import Section47Enquiry
from kinfolio.protection.services import enquiries, strategy
from kinfolio.protection.views.common import journey_url
from kinfolio.recording.pages import child_page, show_record
from kinfolio.referrals.models import CINEpisode


@require_GET
@permission_required(Permission.RECORD_CASEWORK)
def journey(request, local_id: str):
    child = child_for(request.user, local_id)
    return show_record(
        request,
        "protection/journey.html",
        child=child,
        context={"journey": selectors.journey_for(child)},
    )


@permission_required(Permission.RECORD_CASEWORK)
def new_discussion(request, local_id: str, episode_id: int):
    child, episode = child_and(request, local_id, CINEpisode, episode_id)
    return child_page(
        request,
        child,
        return_url=journey_url(child),
        form_class=forms.StrategyDiscussionForm,
        service=strategy.record_discussion,
        arguments={"episode": episode, "chair": getattr(request.user, "worker", None)},
        title="Record a strategy discussion",
        success_message="Strategy discussion recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def new_enquiry(request, local_id: str, episode_id: int):
    child, episode = child_and(request, local_id, CINEpisode, episode_id)
    return child_page(
        request,
        child,
        return_url=journey_url(child),
        form_class=forms.StartEnquiryForm,
        form_kwargs={"discussions": list(selectors.s47_discussions(child))},
        service=enquiries.start,
        arguments={"episode": episode, "worker": getattr(request.user, "worker", None)},
        title="Start a section 47 enquiry",
        success_message="Section 47 enquiry started",
    )


@permission_required(Permission.RECORD_CASEWORK)
def complete_enquiry(request, local_id: str, enquiry_id: int):
    child, enquiry = child_and(request, local_id, Section47Enquiry, enquiry_id)
    return child_page(
        request,
        child,
        return_url=journey_url(child),
        form_class=forms.CompleteEnquiryForm,
        service=enquiries.complete,
        arguments={"enquiry": enquiry},
        instance=enquiry,
        title="Complete the section 47 enquiry",
        success_message="Section 47 enquiry completed",
    )
