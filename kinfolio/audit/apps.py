from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "kinfolio.audit"
    label = "audit"
