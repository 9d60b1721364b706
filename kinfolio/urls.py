from django.urls import include, path

urlpatterns = [
    path("", include("kinfolio.workforce.urls")),
    path("account/", include("kinfolio.accounts.urls")),
    path("children/", include("kinfolio.people.urls")),
]
