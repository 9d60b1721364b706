from django.urls import path

from kinfolio.adoption import views

app_name = "adoption"
urlpatterns = [
    path("adopters/", views.adopter_list, name="adopters"),
    path("adopters/new/", views.adopter_new, name="adopter-new"),
    path("adopters/<int:adopter_id>/", views.adopter_detail, name="adopter"),
    path(
        "adopters/<int:adopter_id>/next-step/",
        views.adopter_change,
        {"change": "step"},
        name="adopter-step",
    ),
    path(
        "adopters/<int:adopter_id>/leaving/",
        views.adopter_change,
        {"change": "leaving"},
        name="adopter-leaving",
    ),
    path("children/<str:local_id>/", views.child_adoption, name="child"),
    path("children/<str:local_id>/decision/", views.plan_decision, name="plan-decision"),
    *(
        path(
            f"children/<str:local_id>/<int:adoption_plan_id>/{step}/",
            views.plan_step,
            {"step": step},
            name=f"plan-{step}",
        )
        for step in views.PLAN_STEPS
    ),
]
