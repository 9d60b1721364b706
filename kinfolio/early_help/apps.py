from django.apps import AppConfig


class EarlyHelpConfig(AppConfig):
    name = "kinfolio.early_help"
    label = "early_help"
