from django.urls import path

from kinfolio.fostering import views, views_private, views_providers

app_name = "fostering"
urlpatterns = [
    path("households/", views.household_list, name="households"),
    path("households/new/", views.household_new, name="household-new"),
    path("households/<int:household_id>/", views.household_detail, name="household"),
    *(
        path(
            f"households/<int:household_id>/{step}/",
            views.household_step,
            {"step": step},
            name=f"household-{step}",
        )
        for step in views.STEPS
    ),
    path("providers/", views_providers.provider_list, name="providers"),
    path("providers/new/", views_providers.provider_new, name="provider-new"),
    path("providers/<int:provider_id>/", views_providers.provider_detail, name="provider"),
    path(
        "providers/<int:provider_id>/change/", views_providers.provider_edit, name="provider-edit"
    ),
    path(
        "households/<int:household_id>/exemption/",
        views.household_exemption,
        name="household-exemption",
    ),
    path("placement-search/<str:local_id>/", views.placement_search, name="placement-search"),
    path("private/<str:local_id>/", views_private.arrangements, name="private-fostering"),
    path("private/<str:local_id>/new/", views_private.notify, name="private-notify"),
    path(
        "private/<str:local_id>/<int:arrangement_id>/visit/",
        views_private.visit,
        name="private-visit",
    ),
    path("private/<str:local_id>/<int:arrangement_id>/end/", views_private.end, name="private-end"),
]
