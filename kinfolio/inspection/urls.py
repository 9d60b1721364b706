from django.urls import path

from kinfolio.inspection import views, views_access, views_annex_a

app_name = "inspection"
urlpatterns = [
    path("", views.history, name="history"),
    path("<int:inspection_id>/action-plan/", views.action_plan, name="action-plan"),
    path("recommendations/<int:recommendation_id>/", views.recommendation, name="recommendation"),
    path("actions/<int:action_id>/", views.action, name="action"),
    path("self-evaluation/", views.self_evaluation, name="self-evaluation"),
    path("home/", views_access.home, name="home"),
    path(
        "home/annex-a/<int:annex_run_id>.xlsx",
        views_access.inspector_workbook,
        name="inspector-annex-a",
    ),
    path("inspectors/", views_access.inspectors, name="inspectors"),
    path("annex-a/", views_annex_a.annex_a, name="annex-a"),
    path("annex-a/<int:annex_run_id>/", views_annex_a.annex_a_run, name="annex-a-run"),
    path(
        "annex-a/<int:annex_run_id>/annex-a.xlsx",
        views_annex_a.annex_a_download,
        name="annex-a-download",
    ),
]
