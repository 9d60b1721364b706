from django.urls import path

from kinfolio.timescales import views, views_terms

app_name = "timescales"
urlpatterns = [
    path("", views.my_deadlines, name="mine"),
    path("teams/<int:team_id>/", views.team_deadlines, name="team"),
    path("rules/", views.rule_list, name="rules"),
    path("rules/<slug:key>/new/", views.rule_new_version, name="rule-new-version"),
    path("terms/", views_terms.term_list, name="terms"),
    path("terms/new/", views_terms.term_new, name="term-new"),
]
