from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "kinfolio.referrals"
    label = "referrals"
