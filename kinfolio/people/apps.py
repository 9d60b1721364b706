from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "kinfolio.people"
    label = "people"
