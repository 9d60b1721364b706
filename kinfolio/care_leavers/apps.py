from django.apps import AppConfig


class CareLeaversConfig(AppConfig):
    name = "kinfolio.care_leavers"
    label = "care_leavers"
