"""The service's own pages for refusals and failures (403, 404, 500, and a form sent
without its security token), in the GOV.UK layout: never Django's bare or debug pages.

Django calls these as ``handler403``, ``handler404`` and ``handler500`` when DEBUG is off;
``ErrorPagesMiddleware`` uses them when DEBUG is on (the demo runs so), where Django
would otherwise show its technical pages.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve

logger = logging.getLogger("django.request")


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403.html", {"form_expired": True}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without the context processors when they fail too (a database down)."""
    try:
        return render(request, "errors/500.html", status=500)
    except Exception:
        logger.exception("The error page could not use the request's context")
        return HttpResponse(
            render_to_string("errors/500.html", {"service_name": "Kinfolio"}), status=500
        )


class ErrorPagesMiddleware:
    """With DEBUG on, answers an unknown address and a view's ``Http404`` or unexpected
    error with the service's pages instead of Django's technical ones (the error is
    still logged with its traceback). With DEBUG off it does nothing: Django's handlers
    already use these pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.DEBUG:
            try:
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404:
                return page_not_found(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not settings.DEBUG or isinstance(exception, PermissionDenied):
            return None  # a 403 already uses handler403, whatever DEBUG says
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        logger.error("Server error: %s", request.path, exc_info=exception)
        return server_error(request)


class NoStoreMiddleware:
    """Nothing shown to a signed-in user is kept by the browser or a proxy: a shared
    computer's back button or cache must not bring a child's record back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
        return response
