from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit import selectors, services
from kinfolio.audit.forms import BreakGlassForm
from kinfolio.people.selectors import (
    children_in_scope_ignoring_restrictions,
    children_visible_to,
)


@permission_required(Permission.BREAK_GLASS)
def break_glass(request, local_id: str):
    child = get_object_or_404(
        children_in_scope_ignoring_restrictions(request.user), local_id=local_id
    )
    # Already open (named, or a grant in force): a further reason may still be given.
    if request.method != "POST" and children_visible_to(request.user).filter(pk=child.pk).exists():
        return redirect("people:child", local_id=child.local_id)
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            grant = services.break_glass(
                child=child, by=request.user, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"You can open this record until {grant.expires_at:%H:%M}. "
                "Your manager and the data protection officer have been told.",
            )
            return redirect("people:child", local_id=child.local_id)
    return render(request, "audit/break_glass.html", {"child": child, "form": form})


@permission_required(Permission.VIEW_ACCESS_LOG)
def child_access(request, local_id: str):
    child = get_object_or_404(selectors.any_child(local_id))
    return render(
        request,
        "audit/child_access.html",
        {"child": child, "entries": selectors.access_log_for(child)},
    )
