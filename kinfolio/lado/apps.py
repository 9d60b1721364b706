from django.apps import AppConfig


class LadoConfig(AppConfig):
    name = "kinfolio.lado"
    label = "lado"
