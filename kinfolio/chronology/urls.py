from django.urls import path

from kinfolio.chronology import views

app_name = "chronology"
urlpatterns = [
    path("<str:local_id>/chronology/new/", views.add_key_event, name="key-event-new"),
    path("<str:local_id>/chronology.csv", views.export_csv, name="export-csv"),
    path("<str:local_id>/chronology.pdf", views.export_pdf, name="export-pdf"),
]
