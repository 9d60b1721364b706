from django.urls import path

from kinfolio.people import views, views_record

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("<str:local_id>/", views.child_record, name="child"),
    path("<str:local_id>/chronology/", views_record.chronology, name="child-chronology"),
    path("<str:local_id>/plans/", views_record.plans, name="child-plans"),
    path("<str:local_id>/visits/", views_record.visits, name="child-visits"),
    path("<str:local_id>/documents/", views_record.documents, name="child-documents"),
    path("<str:local_id>/deadlines/", views_record.deadlines, name="child-deadlines"),
    path("<str:local_id>/history/", views_record.history, name="child-history"),
]
