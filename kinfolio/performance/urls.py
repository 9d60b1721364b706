from django.urls import path

from kinfolio.performance import views, views_indicators

app_name = "performance"
urlpatterns = [
    path("caseload-summary/", views.caseload_summary, name="caseload-summary"),
    path("indicators/", views_indicators.indicator_list, name="indicators"),
    path("indicators/<slug:indicator_id>/", views_indicators.indicator_detail, name="indicator"),
    path(
        "indicators/<slug:indicator_id>/<slug:period>/<slug:part>/",
        views_indicators.indicator_rows,
        name="indicator-rows",
    ),
]
