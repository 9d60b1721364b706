from django.apps import AppConfig


class AdoptionConfig(AppConfig):
    name = "kinfolio.adoption"
    label = "adoption"
