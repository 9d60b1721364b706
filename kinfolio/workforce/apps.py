from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "kinfolio.workforce"
    label = "workforce"
