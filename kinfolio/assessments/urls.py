from django.urls import path

from kinfolio.assessments import views

app_name = "assessments"
A = "children/<str:local_id>/assessments/<int:assessment_id>/"
urlpatterns = [
    path("assessments/to-authorise/", views.sign_off_queue, name="sign-off-queue"),
    path(
        "children/<str:local_id>/referrals/<int:episode_id>/assessment/new/",
        views.start,
        name="start",
    ),
    path(A, views.assessment, name="assessment"),
    path(A + "child-seen/", views.section, {"name": "child-seen"}, name="child-seen"),
    path(A + "views/", views.section, {"name": "views"}, name="views"),
    path(A + "factors/", views.section, {"name": "factors"}, name="factors"),
    path(A + "analysis/", views.section, {"name": "analysis"}, name="analysis"),
    path(A + "send/", views.submit, name="submit"),
    path(A + "authorise/", views.authorise, name="authorise"),
    path(A + "return/", views.return_to_worker, name="return"),
]
