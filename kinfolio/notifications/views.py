"""A person's own notifications: every signed-in user has this page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from kinfolio.notifications import selectors, services


@require_GET
def notification_list(request):
    return render(
        request,
        "notifications/list.html",
        {
            "notifications": selectors.notifications_for(request.user),
            "limit": selectors.LIST_LIMIT,
        },
    )


@require_POST
def mark_all_read(request):
    count = services.mark_all_read(by=request.user)
    if count:
        messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read")
    return redirect("notifications:list")
