from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kinfolio.core"
    label = "core"
