from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "kinfolio.protection"
    label = "protection"
