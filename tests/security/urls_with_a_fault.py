"""The site's URLs plus one page that fails, to see the 500 page."""

from django.urls import include, path

from kinfolio.urls import handler403, handler404, handler500  # noqa: F401 (Django reads them)


def fails(request):
    raise RuntimeError("A fault for the test")


urlpatterns = [path("fails/", fails), path("", include("kinfolio.urls"))]
