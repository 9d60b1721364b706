from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "kinfolio.notifications"
    label = "notifications"
