from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from kinfolio.accounts.forms import SignInForm


@method_decorator(login_not_required, name="dispatch")
class SignInView(LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True


@require_POST
@login_not_required
def sign_out(request):
    logout(request)
    return redirect("accounts:sign-in")
