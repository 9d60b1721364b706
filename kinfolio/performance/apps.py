from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "kinfolio.performance"
    label = "performance"
