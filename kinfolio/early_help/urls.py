from django.urls import path

from kinfolio.early_help import views

app_name = "early_help"
E = "<str:local_id>/early-help/<int:early_help_id>/"
S = "<str:local_id>/referrals/<int:episode_id>/step-down/"
urlpatterns = [
    path("<str:local_id>/early-help/new/", views.start, name="start"),
    path(E, views.episode, name="episode"),
    path(E + "assessment/", views.assessment, name="assessment"),
    path(E + "lead-practitioner/", views.lead_practitioner, name="lead-practitioner"),
    path(E + "team/new/", views.add_member, name="member-new"),
    path(E + "reviews/new/", views.add_review, name="review-new"),
    path(E + "close/", views.end, {"name": "close"}, name="close"),
    path(E + "close/check/", views.end_check, {"name": "close"}, name="close-check"),
    path(E + "step-up/", views.end, {"name": "step-up"}, name="step-up"),
    path(E + "step-up/check/", views.end_check, {"name": "step-up"}, name="step-up-check"),
    path(S, views.step_down, name="step-down"),
    path(S + "check/", views.step_down_check, name="step-down-check"),
]
