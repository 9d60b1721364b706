"""Dashboards (the authority, a service, a team), trend charts, and the plan tracker."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.performance import plans
from kinfolio.performance.forms import ProgressForm
from kinfolio.performance.indicators import charts, dashboards
from kinfolio.performance.indicators import selectors as indicators
from kinfolio.performance.indicators.targets import targets_for
from kinfolio.performance.models import Commitment, Plan
from kinfolio.performance.services import plans as plan_services
from kinfolio.workforce.models import Service, Team


def _dashboard(request, title: str, **scope):
    period = indicators.period_from(request.GET.get("period"))
    return render(
        request,
        "performance/dashboard.html",
        {
            "title": title,
            "period": period,
            "choices": indicators.period_choices(),
            "judged": dashboards.headlines(period, **scope),
            "services": Service.objects.prefetch_related("teams").order_by("name"),
            "plans": Plan.objects.all(),
            "scoped": bool(scope),
        },
    )


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def dashboard(request):
    return _dashboard(request, "Director's dashboard")


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def service_dashboard(request, service_id: int):
    service = get_object_or_404(Service, pk=service_id)
    return _dashboard(request, f"{service.name}: service dashboard", service=service)


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def team_dashboard(request, team_id: int):
    team = get_object_or_404(Team, pk=team_id)
    return _dashboard(request, f"{team.name}: team dashboard", team=team)


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def indicator_chart(request, indicator_id: str):
    indicator = indicators.indicator_or_404(indicator_id)
    period = indicators.period_from(request.GET.get("period"))
    target = targets_for(period).get(indicator.id)
    figures = indicators.trend(indicator, indicators.quarters_to_date(period))
    svg = charts.trend_svg(
        f"{indicator.name}, by quarter", figures, float(target.value) if target else None
    )
    return HttpResponse(svg, content_type="image/svg+xml")


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def plan(request, performance_plan_id: int):
    found = get_object_or_404(Plan, pk=performance_plan_id)
    period = indicators.period_from(request.GET.get("period"))
    return render(
        request,
        "performance/plan.html",
        {
            "plan": found,
            "period": period,
            "choices": indicators.period_choices(),
            "rows": plans.plan_indicators(found, period),
            "headings": plans.commitments_by_heading(found),
        },
    )


@permission_required(Permission.VIEW_INDICATORS)
def commitment(request, performance_plan_id: int, number: int):
    found = get_object_or_404(
        Commitment.objects.select_related("plan"), plan_id=performance_plan_id, number=number
    )
    may_update = has_permission(request.user, Permission.MANAGE_ACTION_PLANS)
    form = ProgressForm(request.POST or None, initial={"status": found.status})
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied
        if form.is_valid():
            try:
                plan_services.record_progress(
                    commitment=found, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                messages.success(request, "Progress recorded")
                return redirect(
                    "performance:commitment", performance_plan_id=performance_plan_id, number=number
                )
    return render(
        request,
        "performance/commitment.html",
        {
            "commitment": found,
            "form": form,
            "may_update": may_update,
            "updates": found.updates.select_related("written_by"),
        },
    )
