from django.apps import AppConfig


class FosteringConfig(AppConfig):
    name = "kinfolio.fostering"
    label = "fostering"
