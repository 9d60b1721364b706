"""Pages for partner referrers: the contacts they made and what they were told."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.front_door import selectors


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
        },
    )
