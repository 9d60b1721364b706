from django.urls import path

from kinfolio.referrals import views

app_name = "referrals"
urlpatterns = [
    path("<str:local_id>/referrals/new/", views.open_referral, name="open"),
    path("<str:local_id>/referrals/<int:episode_id>/close/", views.close_episode, name="close"),
    path(
        "<str:local_id>/referrals/<int:episode_id>/cin-plan/new/",
        views.start_cin_plan,
        name="cin-plan-new",
    ),
    path(
        "<str:local_id>/cin-plans/<int:cin_plan_id>/end/", views.end_cin_plan, name="cin-plan-end"
    ),
    path(
        "<str:local_id>/cin-plans/<int:cin_plan_id>/review/new/",
        views.review_cin_plan,
        name="cin-plan-review",
    ),
]
