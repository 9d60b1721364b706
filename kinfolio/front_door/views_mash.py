"""The front door's pages: the queue, recording a contact, and the work on it up to
telling the referrer. Thin views over front_door.services through the recording pattern."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.core.paging import page_counted_alongside
from kinfolio.front_door import forms, queue
from kinfolio.front_door.models import OnlineReferral, PartnerCheck
from kinfolio.front_door.services import contacts, decisions, outcomes
from kinfolio.front_door.tasks import contact_tasks
from kinfolio.recording.pages import record_page

REFERRERS_PAGE_SIZE = 50


def _contact(request, contact_id: int):
    contact = queue.contact_for(request.user, contact_id)
    if contact is None:
        raise Http404
    return contact


def _contact_url(contact) -> str:
    return reverse("mash:contact", args=[contact.pk])


@require_GET
@permission_required(Permission.WORK_FRONT_DOOR)
def front_door_queue(request):
    return render(
        request,
        "front_door/queue.html",
        {
            "waiting": queue.front_door_queue(request.user),
            "online": queue.online_referrals_waiting(),
            "limit": queue.QUEUE_LIMIT,
        },
    )


@require_GET
@permission_required(Permission.WORK_FRONT_DOOR)
def referrers_to_tell(request):
    contacts = queue.referrers_not_told(request.user)
    page = page_counted_alongside(contacts, REFERRERS_PAGE_SIZE, request.GET.get("page"))
    return render(request, "front_door/referrers_to_tell.html", {"page": page})


@require_GET
@permission_required(Permission.WORK_FRONT_DOOR)
def contact_detail(request, contact_id: int):
    contact = _contact(request, contact_id)
    record_access(by=request.user, action="view_record", request=request, child=contact.child)
    return render(
        request,
        "front_door/contact.html",
        {
            "contact": contact,
            "checks": contact.partner_checks.all(),
            "tasks": contact_tasks(contact),
        },
    )


def _typed_date_of_birth(data) -> dt.date | None:
    field = forms.ContactForm.base_fields["child_date_of_birth"]
    try:
        return field.clean(field.widget.value_from_datadict(data, {}, "child_date_of_birth"))
    except ValidationError:
        return None


def _contact_page(request, *, initial, online_referral=None):
    """The children who may be the one in the contact are offered to choose from."""
    posted = request.method == "POST"
    source = request.POST if posted else initial
    matches = queue.possible_duplicates(
        request.user,
        given_name=source.get("child_given_name", ""),
        family_name=source.get("child_family_name", ""),
        date_of_birth=_typed_date_of_birth(request.POST)
        if posted
        else initial.get("child_date_of_birth"),
        nhs_number=source.get("child_nhs_number", ""),
    )
    return record_page(
        request,
        form_class=forms.ContactForm,
        form_kwargs={"matches": matches},
        service=contacts.record_contact,
        arguments={"online_referral": online_referral},
        initial=initial,
        title="Record a contact",
        caption="Front door",
        success_url=_contact_url,
        success_message="Contact recorded",
        back_url=reverse("mash:queue"),
    )


@permission_required(Permission.WORK_FRONT_DOOR)
def record_contact(request):
    return _contact_page(request, initial={})


@permission_required(Permission.WORK_FRONT_DOOR)
def record_online_referral(request, referral_id: int):
    sent = get_object_or_404(OnlineReferral, pk=referral_id, contact__isnull=True)
    sent_at = timezone.localtime(sent.submitted_at)
    initial = {
        "child_given_name": sent.child_given_name,
        "child_family_name": sent.child_family_name,
        "child_date_of_birth": sent.child_date_of_birth,
        "child_nhs_number": sent.child_nhs_number,
        "received_on": sent_at.date(),
        "received_time": sent_at.strftime("%H:%M"),
        "source": sent.source,
        "referrer_name": sent.referred_by.get_full_name(),
        "referrer_role": sent.referrer_role,
        "referrer_phone": sent.referrer_phone,
        "referrer_email": sent.referred_by.email,
        "concern_summary": sent.concern_summary,
        "consent_obtained": "yes" if sent.consent_obtained else "no",
        "referrer_anonymous": "yes" if sent.referrer_anonymous else "no",
        "anonymity_reason": sent.anonymity_reason,
    }
    return _contact_page(request, initial=initial, online_referral=sent)


def _on_contact(request, contact, **page):
    return record_page(
        request,
        arguments={"contact": contact},
        instance=contact,
        child=contact.child,
        caption=f"Contact about {contact.child.full_name}",
        success_url=_contact_url(contact),
        back_url=_contact_url(contact),
        **page,
    )


@permission_required(Permission.WORK_FRONT_DOOR)
def rate_contact(request, contact_id: int):
    return _on_contact(
        request,
        _contact(request, contact_id),
        form_class=forms.RAGForm,
        service=decisions.rate,
        title="Give the contact a RAG rating",
        success_message="RAG rating saved",
    )


@permission_required(Permission.WORK_FRONT_DOOR)
def decide_contact(request, contact_id: int):
    return _on_contact(
        request,
        _contact(request, contact_id),
        form_class=forms.DecisionForm,
        service=decisions.decide,
        title="Decide what happens next",
        success_message="Decision saved",
    )


@permission_required(Permission.WORK_FRONT_DOOR)
def tell_referrer(request, contact_id: int):
    contact = _contact(request, contact_id)
    return _on_contact(
        request,
        contact,
        form_class=forms.TellReferrerForm,
        service=outcomes.tell_referrer,
        initial={
            "method": "email" if contact.referrer_email or contact.referred_by_id else "phone",
            "content": outcomes.compose_outcome(contact) if contact.decision else "",
        },
        title="Tell the referrer the outcome",
        submit_label="Send and record",
        success_message="The referrer has been told the outcome",
    )


@permission_required(Permission.WORK_FRONT_DOOR)
def request_check(request, contact_id: int):
    contact = _contact(request, contact_id)
    return record_page(
        request,
        form_class=forms.CheckForm,
        service=decisions.request_check,
        arguments={"contact": contact},
        child=contact.child,
        title="Request a partner agency check",
        caption=f"Contact about {contact.child.full_name}",
        success_url=_contact_url(contact),
        success_message="Check requested",
        back_url=_contact_url(contact),
    )


@permission_required(Permission.WORK_FRONT_DOOR)
def check_response(request, contact_id: int, check_id: int):
    contact = _contact(request, contact_id)
    check = get_object_or_404(PartnerCheck, pk=check_id, contact=contact)
    return record_page(
        request,
        form_class=forms.CheckResponseForm,
        service=decisions.record_check_response,
        arguments={"check": check},
        child=contact.child,
        title=f"Record the {check.get_agency_display().lower()} reply",
        caption=f"Contact about {contact.child.full_name}",
        success_url=_contact_url(contact),
        success_message="Reply recorded",
        back_url=_contact_url(contact),
    )
