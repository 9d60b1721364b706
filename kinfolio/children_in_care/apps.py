from django.apps import AppConfig


class ChildrenInCareConfig(AppConfig):
    name = "kinfolio.children_in_care"
    label = "children_in_care"
