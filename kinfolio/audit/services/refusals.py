"""Refusals go to the access log: someone probing for records they may not open (IDs
out of their scope, restricted records, pages of another role) leaves a trail."""

from django.http import HttpRequest

from kinfolio.audit.models import AccessAction, AccessLogEntry
from kinfolio.audit.selectors import any_person
from kinfolio.audit.services.access_log import record_access

REFUSALS = {403: AccessAction.REFUSED_FORBIDDEN, 404: AccessAction.REFUSED_NOT_FOUND}


def record_refusal(*, request: HttpRequest, status: int) -> AccessLogEntry:
    """Log a 403 or 404 answered to a signed-in user, with the child the URL names (any
    person by Kinfolio ID, restricted or out of scope: the log is for the DPO)."""
    match = request.resolver_match
    local_id = match.kwargs.get("local_id") if match is not None else None
    child = any_person(local_id).first() if local_id else None
    return record_access(
        by=request.user,
        action=REFUSALS[status],
        request=request,
        child=child,
        object_ref=f"{request.method} {request.path}",
    )
