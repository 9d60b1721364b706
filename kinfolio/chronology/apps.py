from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "kinfolio.chronology"
    label = "chronology"
