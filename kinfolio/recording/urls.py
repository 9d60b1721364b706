from django.urls import path

from kinfolio.recording import views

app_name = "recording"
urlpatterns = [
    path("save/", views.save_draft, name="save-draft"),
]
