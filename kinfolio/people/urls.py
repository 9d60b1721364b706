from django.urls import path

from kinfolio.people import views

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("<str:local_id>/", views.child_record, name="child"),
]
