from django.urls import path

from kinfolio.audit import views

app_name = "audit"
urlpatterns = [
    path("children/<str:local_id>/break-glass/", views.break_glass, name="break-glass"),
    path("audit/children/<str:local_id>/access/", views.child_access, name="child-access"),
]
