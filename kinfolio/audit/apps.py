from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kinfolio.audit"
    label = "audit"

    def ready(self) -> None:
        # Sign-ins are logged from Django's own auth signals: Django, not a Kinfolio
        # service, is what signs people in.
        from kinfolio.audit import signals  # noqa: F401
