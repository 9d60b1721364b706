from django.urls import path

from kinfolio.accounts import views, views_session, views_two_factor

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("two-factor/", views_two_factor.two_factor_setup, name="two-factor-setup"),
    path("session/keep-alive/", views_session.keep_alive, name="keep-alive"),
    path("two-factor/verify/", views_two_factor.two_factor_verify, name="two-factor-verify"),
]
