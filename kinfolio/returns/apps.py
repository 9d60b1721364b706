from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "kinfolio.returns"
    verbose_name = "Statutory returns"
