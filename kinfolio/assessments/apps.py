from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "kinfolio.assessments"
    label = "assessments"
