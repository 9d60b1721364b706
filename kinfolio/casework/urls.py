from django.urls import path

from kinfolio.casework import views

app_name = "casework"
urlpatterns = [
    path("<str:local_id>/case-notes/new/", views.add_case_note, name="case-note-new"),
    path("<str:local_id>/documents/new/", views.upload_document, name="document-new"),
    path(
        "<str:local_id>/documents/<int:document_id>/",
        views.download_document,
        name="document",
    ),
    path(
        "<str:local_id>/case-notes/<int:note_id>/change/",
        views.edit_case_note,
        name="case-note-change",
    ),
]
