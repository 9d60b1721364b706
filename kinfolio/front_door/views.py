"""Pages for partner referrers: the contacts they made and what they were told."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.front_door import selectors
from kinfolio.front_door.forms import SendReferralForm
from kinfolio.front_door.services import online
from kinfolio.recording.pages import record_page


@require_GET
@permission_required(Permission.VIEW_OWN_REFERRALS)
def my_referrals(request):
    return render(
        request,
        "front_door/my_referrals.html",
        {
            "referrals": selectors.referrals_made_by(request.user),
            "total": selectors.count_referrals_made_by(request.user),
            "limit": selectors.REFERRALS_LIMIT,
            "can_send": has_permission(request.user, Permission.SEND_REFERRALS),
        },
    )


@permission_required(Permission.SEND_REFERRALS)
def send_referral(request):
    """A partner tells the front door about a child online; they see no record."""
    return record_page(
        request,
        form_class=SendReferralForm,
        service=online.submit_referral,
        title="Tell us about a child you are worried about",
        caption="Referral to children's services",
        success_url=reverse("front_door:my-referrals"),
        success_message="Your referral has been sent to the front door",
        submit_label="Send the referral",
        back_url=reverse("front_door:my-referrals"),
    )
