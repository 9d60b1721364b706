from django.apps import AppConfig


class FrontDoorConfig(AppConfig):
    name = "kinfolio.front_door"
    label = "front_door"
