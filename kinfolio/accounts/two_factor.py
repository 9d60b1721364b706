"""Two-factor authentication with a time-based one-time password (TOTP) app.

Who must use it, the device a user sets up, and checking a code. Every role must,
unless ``settings.KINFOLIO_DEMO_2FA_EXEMPT`` is on (the demo only; production refuses).
"""

from base64 import b32encode

import django_otp
import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolio.accounts.models import Role, User

TWO_FACTOR_ROLES = frozenset(Role)
DEVICE_NAME = "Authenticator app"


def needs_two_factor(user: User) -> bool:
    """Whether this signed-in user must prove a second factor before using Kinfolio."""
    if not user.is_authenticated or settings.KINFOLIO_DEMO_2FA_EXEMPT:
        return False
    return user.role in TWO_FACTOR_ROLES


def has_device(user: User) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_device(user: User) -> TOTPDevice:
    """The not-yet-confirmed device this user is setting up (made on first visit)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as a person types it into an authenticator app, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no script, no inline style)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#0b0c0c")


@transaction.atomic
def confirm_device(*, request: HttpRequest, token: str) -> bool:
    """Confirm the pending device if the code is right, and mark the session verified."""
    device = pending_device(request.user)
    if not device.verify_token(token.replace(" ", "")):
        return False
    TOTPDevice.objects.filter(user=request.user, confirmed=False).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    django_otp.login(request, device)
    return True


def verify(*, request: HttpRequest, token: str) -> bool:
    """Check a code from the user's confirmed device; mark the session verified if right."""
    token = token.replace(" ", "")
    for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=True):
        if device.verify_token(token):
            django_otp.login(request, device)
            return True
    return False
