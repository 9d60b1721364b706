from django.shortcuts import redirect
from django.utils.http import urlencode

from kinfolio.accounts import two_factor

# What a signed-in user who has not yet given their second factor may still reach.
BEFORE_SECOND_FACTOR = frozenset(
    {
        "accounts:sign-in",
        "accounts:sign-out",
        "accounts:two-factor-setup",
        "accounts:two-factor-verify",
    }
)


class RequireTwoFactorMiddleware:
    """Sends a signed-in user who must use two-factor authentication, and has not yet
    done so in this session, to set it up or to enter a code. Runs after
    ``django_otp.middleware.OTPMiddleware``, which provides ``user.is_verified()``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not two_factor.needs_two_factor(user) or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in BEFORE_SECOND_FACTOR:
            return None
        target = (
            "accounts:two-factor-verify"
            if two_factor.has_device(user)
            else ("accounts:two-factor-setup")
        )
        response = redirect(target)
        response["Location"] += "?" + urlencode({"next": request.get_full_path()})
        return response
