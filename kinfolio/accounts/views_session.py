"""The session keep-alive the expiry warning calls when someone chooses to stay signed in."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def keep_alive(request) -> HttpResponse:
    """Touch the session so its inactivity timeout starts again; nothing else."""
    request.session.modified = True
    return HttpResponse(status=204)
