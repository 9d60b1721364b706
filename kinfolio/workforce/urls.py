from django.urls import path

from kinfolio.workforce import views

app_name = "workforce"
urlpatterns = [
    path("", views.my_caseload, name="my-caseload"),
    path("teams/", views.team_list, name="teams"),
    path("teams/<int:team_id>/", views.team_detail, name="team"),
]
