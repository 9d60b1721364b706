from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kinfolio.accounts"
    label = "accounts"
