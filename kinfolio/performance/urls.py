from django.urls import path

from kinfolio.performance import (
    views,
    views_collected,
    views_dashboards,
    views_exports,
    views_indicators,
)

app_name = "performance"
urlpatterns = [
    path("caseload-summary/", views.caseload_summary, name="caseload-summary"),
    path("", views_dashboards.dashboard, name="dashboard"),
    path(
        "services/<int:service_id>/", views_dashboards.service_dashboard, name="service-dashboard"
    ),
    path("teams/<int:team_id>/", views_dashboards.team_dashboard, name="team-dashboard"),
    path("plans/<int:performance_plan_id>/", views_dashboards.plan, name="plan"),
    path(
        "plans/<int:performance_plan_id>/commitments/<int:number>/",
        views_dashboards.commitment,
        name="commitment",
    ),
    path("indicators/", views_indicators.indicator_list, name="indicators"),
    path("collected/", views_collected.collected_list, name="collected"),
    path("collected/import/", views_collected.import_collected, name="import-collected"),
    path(
        "collected/<slug:collected_id>/",
        views_collected.collected_indicator,
        name="collected-indicator",
    ),
    path(
        "collected/<slug:collected_id>/enter/",
        views_collected.enter_collected,
        name="enter-collected",
    ),
    path("indicators.<slug:fmt>", views_exports.export, name="export"),
    path("pack.pdf", views_exports.pack, name="pack"),
    path(
        "indicators/<slug:indicator_id>/chart.svg",
        views_dashboards.indicator_chart,
        name="indicator-chart",
    ),
    path("indicators/<slug:indicator_id>/", views_indicators.indicator_detail, name="indicator"),
    path(
        "indicators/<slug:indicator_id>/<slug:period>/<slug:part>/",
        views_indicators.indicator_rows,
        name="indicator-rows",
    ),
]
