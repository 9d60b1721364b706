"""Pages recording a looked after child's health, education, missing episodes and UASC
status; each returns to the child's care record."""

from django.shortcuts import get_object_or_404

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.children_in_care import forms_health as forms
from kinfolio.children_in_care.models import MissingEpisode, UASCStatus
from kinfolio.children_in_care.services import health, missing
from kinfolio.children_in_care.views import care_page
from kinfolio.people.access import child_for


def _about_child(request, local_id: str, *, service, **kwargs):
    child = child_for(request.user, local_id)
    return care_page(request, child, service=service, arguments={"child": child}, **kwargs)


@permission_required(Permission.RECORD_CASEWORK)
def health_assessment(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.HealthAssessmentForm,
        service=health.record_health_assessment,
        title="Record a health assessment",
        success_message="Health assessment recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def dental_check(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.DentalCheckForm,
        service=health.record_dental_check,
        title="Record a dental check",
        success_message="Dental check recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def immunisations(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.ImmunisationsForm,
        service=health.record_immunisations,
        title="Record an immunisations check",
        success_message="Immunisations check recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def sdq(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.SDQForm,
        service=health.record_sdq,
        title="Record a strengths and difficulties questionnaire",
        success_message="SDQ recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def pep(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.PEPForm,
        service=health.record_pep,
        title="Record a personal education plan",
        success_message="Personal education plan recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def virtual_school_contact(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.VirtualSchoolContactForm,
        service=health.record_virtual_school_contact,
        title="Record a contact with the virtual school",
        context={
            "lead": "The virtual school head promotes the education of the children the "
            "council looks after (Children Act 1989, section 22(3A) and (3B); DfE, "
            '"Promoting the education of looked-after children and previously '
            'looked-after children", 2018).'
        },
        success_message="Virtual school contact recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def missing_start(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.MissingForm,
        service=missing.record_missing,
        title="Record the child missing or away",
        success_message="Missing episode recorded",
    )


def _episode(request, local_id: str, missing_id: int):
    child = child_for(request.user, local_id)
    return child, get_object_or_404(MissingEpisode, pk=missing_id, child=child)


@permission_required(Permission.RECORD_CASEWORK)
def missing_returned(request, local_id: str, missing_id: int):
    child, episode = _episode(request, local_id, missing_id)
    return care_page(
        request,
        child,
        form_class=forms.ReturnForm,
        service=missing.record_return,
        arguments={"episode": episode},
        title="Record the child's return",
        success_message="Return recorded: a return home interview is due within 72 hours",
    )


@permission_required(Permission.RECORD_CASEWORK)
def return_interview(request, local_id: str, missing_id: int):
    child, episode = _episode(request, local_id, missing_id)
    return care_page(
        request,
        child,
        form_class=forms.ReturnInterviewForm,
        service=missing.record_return_interview,
        arguments={"episode": episode},
        title="Record the return home interview offer",
        success_message="Return home interview offer recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def uasc_start(request, local_id: str):
    return _about_child(
        request,
        local_id,
        form_class=forms.UASCStartForm,
        service=missing.start_uasc,
        title="Record UASC status",
        success_message="UASC status recorded",
    )


@permission_required(Permission.RECORD_CASEWORK)
def uasc_end(request, local_id: str, uasc_id: int):
    child = child_for(request.user, local_id)
    status = get_object_or_404(UASCStatus, pk=uasc_id, child=child, end_date__isnull=True)
    return care_page(
        request,
        child,
        form_class=forms.UASCEndForm,
        service=missing.end_uasc,
        arguments={"status": status},
        title="Record that UASC status ceased",
        success_message="UASC status ended",
    )
