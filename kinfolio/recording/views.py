"""The draft-saving endpoint the recording forms' script posts to every ~30 seconds."""

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kinfolio.recording import tokens
from kinfolio.recording.services import drafts


@require_POST
@never_cache
def save_draft(request) -> HttpResponse:
    """Save the posted form as the user's draft of the form its token names; only a
    token made for this user is accepted (nobody can write another's drafts)."""
    owner = tokens.read_draft_token(request.POST.get(tokens.FIELD, ""))
    if owner is None or owner[0] != request.user.pk:
        return HttpResponseBadRequest("This form cannot be saved as a draft.")
    drafts.save_draft(user=request.user, key=owner[1], data=request.POST)
    return HttpResponse(status=204)
