from django.urls import path

from kinfolio.lado import views

app_name = "lado"
urlpatterns = [path("", views.allegations, name="allegations")]
