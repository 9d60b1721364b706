from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from kinfolio.accounts.forms import SignInForm
from kinfolio.core.context_processors import home_for
from kinfolio.recording.services import drafts


@method_decorator(login_not_required, name="dispatch")
class SignInView(LoginView):
    template_name = "accounts/sign_in.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # A form they sent after their session ended becomes their draft (theirs only).
        drafts.claim_posted_before_sign_in(session=self.request.session, user=form.get_user())
        return response

    def get_redirect_url(self) -> str:
        """``next``, unless it is only the site's root: then the user's own first page."""
        url = super().get_redirect_url()
        return "" if url == "/" else url

    def get_default_redirect_url(self) -> str:
        """Staff without a caseload (the DPO, analysts) land on a page they may use."""
        return home_for(self.request.user)


@require_POST
@login_not_required
def sign_out(request):
    logout(request)
    return redirect("accounts:sign-in")
