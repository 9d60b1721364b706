"""Indicator pages: the catalogue with this period's figures, one indicator with its rule
and trend, and the children (or records, or workers) behind a figure."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.performance.indicators import drilldown
from kinfolio.performance.indicators import selectors as indicators
from kinfolio.performance.indicators.benchmarks import benchmarks_for
from kinfolio.performance.indicators.engine import compute
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.indicators.targets import targets_for
from kinfolio.performance.models import Commentary
from kinfolio.performance.views_exports import add_commentary

ROWS_PER_PAGE = 50
COMMENTARY_SHOWN = 6


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def indicator_list(request):
    period = indicators.period_from(request.GET.get("period"))
    return render(
        request,
        "performance/indicators.html",
        {
            "period": period,
            "choices": indicators.period_choices(),
            "areas": indicators.catalogue_figures(period),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required(Permission.VIEW_INDICATORS)
def indicator_detail(request, indicator_id: str):
    indicator = indicators.indicator_or_404(indicator_id)
    if request.method == "POST":
        return add_commentary(request, indicator)
    period = indicators.period_from(request.GET.get("period"))
    return render(
        request,
        "performance/indicator.html",
        {
            "indicator": indicator,
            "period": period,
            "choices": indicators.period_choices(),
            "figure": compute(indicator, period),
            "target": targets_for(period).get(indicator.id),
            "benchmarks": benchmarks_for(indicator, period),
            "commentary": Commentary.objects.filter(indicator_id=indicator.id).select_related(
                "written_by"
            )[:COMMENTARY_SHOWN],
            "may_comment": has_permission(request.user, Permission.MANAGE_ACTION_PLANS),
            "months": [
                m for m in Period.year_containing(period.start).months() if m.start <= period.end
            ],
            "quarters": indicators.trend(indicator, indicators.quarters_to_date(period)),
        },
    )


@require_GET
@permission_required(Permission.VIEW_INDICATORS)
def indicator_rows(request, indicator_id: str, period: str, part: str):
    indicator = indicators.indicator_or_404(indicator_id)
    if part not in drilldown.PARTS or (
        part == drilldown.Part.DENOMINATOR and not indicator.denominator
    ):
        raise Http404("This figure has no such part")
    found = indicators.period_from(period)
    figure = compute(indicator, found)
    rows = drilldown.listed(figure, drilldown.Part(part), request.user)
    record_access(
        by=request.user,
        action="search",
        request=request,
        query=f"indicator {indicator.id} {part} {found.key}",
    )
    return render(
        request,
        "performance/indicator_rows.html",
        {
            "indicator": indicator,
            "period": found,
            "part": part,
            "label": indicator.numerator_label
            if part == "numerator"
            else indicator.denominator_label,
            "total": figure.numerator if part == "numerator" else figure.denominator,
            "page": Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )
