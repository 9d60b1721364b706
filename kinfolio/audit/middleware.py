from kinfolio.audit.services.refusals import REFUSALS, record_refusal


class LogRefusalsMiddleware:
    """Every 403 and 404 answered to a signed-in user is written to the access log, in
    one place, whichever view or check refused (a view raising ``Http404`` or
    ``PermissionDenied`` reaches here as a response)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if response.status_code in REFUSALS and user is not None and user.is_authenticated:
            record_refusal(request=request, status=response.status_code)
        return response
