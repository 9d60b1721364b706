from django.urls import path

from kinfolio.workforce import views, views_allocation, views_manager, views_oversight

app_name = "workforce"
urlpatterns = [
    path("", views.my_caseload, name="my-caseload"),
    path("teams/", views.team_list, name="teams"),
    path("teams/<int:team_id>/", views.team_detail, name="team"),
    # managers' pages
    path("my-team/", views_manager.my_team, name="my-team"),
    path("teams/compare/", views_manager.compare_teams, name="compare-teams"),
    path("teams/<int:team_id>/manage/", views_manager.team_home, name="team-home"),
    path("teams/<int:team_id>/children/", views_manager.team_children, name="team-children"),
    path("teams/<int:team_id>/transfers/", views_allocation.incoming_transfers, name="transfers"),
    path("workers/<int:worker_id>/", views_manager.worker_detail, name="worker"),
    path("workers/<int:worker_id>/leaving/", views_allocation.leaving, name="worker-leaving"),
    path(
        "workers/<int:worker_id>/supervision/",
        views_oversight.record_supervision,
        name="supervision",
    ),
    path("children/<str:local_id>/allocate/", views_allocation.allocate, name="allocate"),
    path(
        "children/<str:local_id>/end-allocation/",
        views_allocation.end_allocation,
        name="end-allocation",
    ),
    path("children/<str:local_id>/transfer/", views_allocation.transfer, name="transfer"),
    path(
        "children/<str:local_id>/direction/",
        views_oversight.case_direction,
        name="case-direction",
    ),
]
