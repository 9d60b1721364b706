from django.urls import path

from kinfolio.front_door import views

app_name = "front_door"
urlpatterns = [
    path("mine/", views.my_referrals, name="my-referrals"),
    path("new/", views.send_referral, name="send"),
]
