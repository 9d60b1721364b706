from django.urls import path

from kinfolio.quality_assurance import views

app_name = "quality_assurance"
urlpatterns = [
    path("", views.audits, name="audits"),
    path("samples/new/", views.sample_new, name="sample-new"),
    path("children/<str:local_id>/<int:audit_id>/", views.audit, name="audit"),
    path("moderation/", views.moderation, name="moderation"),
]
