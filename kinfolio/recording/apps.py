from django.apps import AppConfig


class RecordingConfig(AppConfig):
    name = "kinfolio.recording"
    verbose_name = "Recording: drafts and the question page pattern"
