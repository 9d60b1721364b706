from django.urls import path

from kinfolio.children_in_care import views

app_name = "children_in_care"
urlpatterns = [
    path("<str:local_id>/care/", views.care_record, name="care"),
    path("<str:local_id>/care/start/", views.become_looked_after, name="become-looked-after"),
    path(
        "<str:local_id>/care/<int:period_id>/change/", views.record_care_change, name="care-change"
    ),
    path("<str:local_id>/care/<int:period_id>/end/", views.cease_care, name="cease-care"),
    path(
        "<str:local_id>/care/reviews/<int:review_id>/held/",
        views.hold_review,
        name="review-held",
    ),
    path(
        "<str:local_id>/care/recommendations/<int:recommendation_id>/done/",
        views.complete_recommendation,
        name="recommendation-done",
    ),
]

# Pages about the IRO service rather than one child (included as "iros").
iro_urlpatterns = (
    [
        path("", views.iro_workload, name="workload"),
        path("<int:worker_id>/", views.iro_children, name="children"),
    ],
    "iros",
)
