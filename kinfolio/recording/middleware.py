"""Keeps a form that arrives after its user's session has ended.

Runs just before ``LoginRequiredMiddleware`` (which then sends the person to sign in and
back to the form) and after the CSRF check. Without JavaScript, a worker who typed for
longer than the session lasts would otherwise lose everything when they press Save.
"""

from kinfolio.recording import tokens
from kinfolio.recording.services import drafts


class KeepFormPostedAfterTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method == "POST"
            and not request.user.is_authenticated
            and tokens.FIELD in request.POST
        ):
            drafts.hold_posted_before_sign_in(session=request.session, data=request.POST)
        return None
