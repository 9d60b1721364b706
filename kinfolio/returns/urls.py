from django.urls import path

from kinfolio.returns import views, views_import

app_name = "returns"

urlpatterns = [
    path("", views.index, name="index"),
    path("validate/", views.validate, name="validate"),
    path("validations/<int:run_id>/", views.run, name="run"),
    path("<str:kind>/<str:year>/download/", views.download, name="download"),
    path("import/", views_import.upload, name="import"),
    path("import/confirm/", views_import.confirm, name="import-confirm"),
]
