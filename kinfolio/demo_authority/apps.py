from django.apps import AppConfig


class DemoAuthorityConfig(AppConfig):
    name = "kinfolio.demo_authority"
    label = "demo_authority"
