from django.urls import path

from kinfolio.performance import views

app_name = "performance"
urlpatterns = [
    path("caseload-summary/", views.caseload_summary, name="caseload-summary"),
]
