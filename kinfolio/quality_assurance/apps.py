from django.apps import AppConfig


class QualityAssuranceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kinfolio.quality_assurance"
    verbose_name = "Case file audits"
