from django.urls import path

from kinfolio.inspection import views

app_name = "inspection"
urlpatterns = [
    path("", views.history, name="history"),
    path("<int:inspection_id>/action-plan/", views.action_plan, name="action-plan"),
    path("recommendations/<int:recommendation_id>/", views.recommendation, name="recommendation"),
    path("actions/<int:action_id>/", views.action, name="action"),
]
