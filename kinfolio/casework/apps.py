from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "kinfolio.casework"
    label = "casework"
