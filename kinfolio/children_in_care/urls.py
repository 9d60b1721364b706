from django.urls import path

from kinfolio.children_in_care import views, views_health

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
    path(
        "<str:local_id>/care/health-assessments/new/",
        views_health.health_assessment,
        name="health-assessment",
    ),
    path("<str:local_id>/care/dental-checks/new/", views_health.dental_check, name="dental-check"),
    path(
        "<str:local_id>/care/immunisations/new/", views_health.immunisations, name="immunisations"
    ),
    path("<str:local_id>/care/sdq/new/", views_health.sdq, name="sdq"),
    path("<str:local_id>/care/peps/new/", views_health.pep, name="pep"),
    path(
        "<str:local_id>/care/virtual-school/new/",
        views_health.virtual_school_contact,
        name="virtual-school-contact",
    ),
    path("<str:local_id>/care/missing/new/", views_health.missing_start, name="missing"),
    path(
        "<str:local_id>/care/missing/<int:missing_id>/returned/",
        views_health.missing_returned,
        name="missing-returned",
    ),
    path(
        "<str:local_id>/care/missing/<int:missing_id>/interview/",
        views_health.return_interview,
        name="return-interview",
    ),
    path("<str:local_id>/care/uasc/new/", views_health.uasc_start, name="uasc"),
    path("<str:local_id>/care/uasc/<int:uasc_id>/end/", views_health.uasc_end, name="uasc-end"),
]

# Pages about the IRO service rather than one child (included as "iros").
iro_urlpatterns = (
    [
        path("", views.iro_workload, name="workload"),
        path("<int:worker_id>/", views.iro_children, name="children"),
    ],
    "iros",
)
