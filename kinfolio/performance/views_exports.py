"""Exports: every indicator as CSV or Excel, the monthly performance pack as PDF, and
managers' commentary for the pack."""

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.performance.indicators import catalogue, dashboards, exports
from kinfolio.performance.indicators import selectors as indicators
from kinfolio.performance.indicators.base import Indicator
from kinfolio.performance.indicators.engine import compute_all
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.indicators.targets import judge, targets_for
from kinfolio.performance.models import Commentary
from kinfolio.performance.services import plans as plan_services

TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def export(request, fmt: str):
    if fmt not in TYPES:
        raise Http404("No such format")
    period = indicators.period_from(request.GET.get("period"))
    judged = judge(compute_all(catalogue.CATALOGUE, period), targets_for(period))
    body = (
        exports.to_csv(judged)
        if fmt == "csv"
        else exports.to_xlsx(judged, f"Indicators {period.key}")
    )
    record_access(
        by=request.user, action="export", request=request, query=f"indicators {period.key} {fmt}"
    )
    response = HttpResponse(body, content_type=TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="indicators-{period.key}.{fmt}"'
    return response


def last_complete_month(today) -> Period:
    first = today.replace(day=1)
    previous = first - dt.timedelta(days=1)
    return Period.month(previous.year, previous.month)


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def pack(request):
    """The monthly pack: the headline indicators for the month against their targets,
    each with its chart by month through the year and the managers' commentary."""
    key = request.GET.get("period")
    month = indicators.period_from(key) if key else last_complete_month(timezone.localdate())
    months = [m for m in Period.year_containing(month.start).months() if m.start <= month.start]
    judged = dashboards.headlines(month)
    trends = {j.figure.indicator.id: indicators.trend(j.figure.indicator, months) for j in judged}
    commentary: dict[str, list[Commentary]] = {}
    for note in Commentary.objects.filter(period=month.key).select_related("written_by"):
        commentary.setdefault(note.indicator_id, []).append(note)
    body = exports.pack_pdf(
        title=f"Performance pack, {month.label}",
        judged=judged,
        trends=trends,
        commentary=commentary,
        authority=settings.KINFOLIO_AUTHORITY_NAME,
    )
    record_access(
        by=request.user, action="export", request=request, query=f"performance pack {month.key}"
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="performance-pack-{month.key}.pdf"'
    return response


def add_commentary(request, indicator: Indicator):
    """The indicator page's POST: a manager's commentary for a month's pack."""
    if not has_permission(request.user, Permission.MANAGE_ACTION_PLANS):
        raise PermissionDenied
    period = indicators.period_from(request.POST.get("period"))
    try:
        plan_services.add_commentary(
            indicator_id=indicator.id,
            period=period.key,
            text=request.POST.get("text", ""),
            by=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.message_dict["text"]))
    else:
        messages.success(request, "Commentary added")
    year = Period.year_containing(period.start)
    return redirect(reverse("performance:indicator", args=[indicator.id]) + f"?period={year.key}")
