from django.urls import path

from kinfolio.care_leavers import views

app_name = "care_leavers"
urlpatterns = [
    path("<str:local_id>/leaving-care/", views.leaving_care, name="record"),
    path("<str:local_id>/leaving-care/category/", views.record_status, name="status"),
    path(
        "<str:local_id>/leaving-care/pathway-plan/", views.start_pathway_plan, name="pathway-plan"
    ),
    path(
        "<str:local_id>/leaving-care/pathway-reviews/<int:pathway_review_id>/held/",
        views.hold_pathway_review,
        name="pathway-review",
    ),
    path("<str:local_id>/leaving-care/birthdays/new/", views.birthday_contact, name="birthday"),
    path("<str:local_id>/leaving-care/staying-put/", views.staying_put, name="staying-put"),
    path(
        "<str:local_id>/leaving-care/health-history/", views.health_history, name="health-history"
    ),
]
