from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "kinfolio.timescales"
    label = "timescales"
