from django.urls import path

from kinfolio.audit import views, views_reports, views_subject_access

app_name = "audit"
urlpatterns = [
    path("children/<str:local_id>/break-glass/", views.break_glass, name="break-glass"),
    path("audit/children/<str:local_id>/access/", views.child_access, name="child-access"),
    path("audit/subject-access/", views_subject_access.find_person, name="subject-access-find"),
    path(
        "audit/people/<str:local_id>/subject-access/",
        views_subject_access.subject_access,
        name="subject-access",
    ),
    path("audit/unusual-access/", views_reports.unusual_access, name="unusual-access"),
    path("audit/retention/", views_reports.retention_review, name="retention"),
]
