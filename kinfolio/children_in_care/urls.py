from django.urls import path

from kinfolio.children_in_care import views

app_name = "children_in_care"
urlpatterns = [
    path("<str:local_id>/care/start/", views.become_looked_after, name="become-looked-after"),
    path(
        "<str:local_id>/care/<int:period_id>/change/", views.record_care_change, name="care-change"
    ),
    path("<str:local_id>/care/<int:period_id>/end/", views.cease_care, name="cease-care"),
]
