"""Sign-ins and failed sign-ins go to the access log (Django emits these signals)."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from kinfolio.audit.models import AccessAction
from kinfolio.audit.services import record_access


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def log_sign_in(sender, request, user, **kwargs) -> None:
    record_access(by=user, action=AccessAction.SIGN_IN, request=request)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def log_sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    record_access(
        action=AccessAction.SIGN_IN_FAILED,
        request=request,
        username=str(credentials.get("username", ""))[:150],
    )
