from django.apps import AppConfig


class PostcodesConfig(AppConfig):
    name = "kinfolio.postcodes"
    label = "postcodes"
