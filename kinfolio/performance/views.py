"""Pages for performance analysts and managers: aggregates and pseudonymised lists."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.performance import selectors

LIST_PAGE_SIZE = 50


@require_GET
@permission_required(Permission.VIEW_AGGREGATES)
def caseload_summary(request):
    today = timezone.localdate()
    summary = selectors.caseload_summary()
    looked_after = Paginator(selectors.looked_after_pseudonymised(on=today), LIST_PAGE_SIZE)
    return render(
        request,
        "performance/caseload_summary.html",
        {
            "today": today,
            "summary": summary,
            "total": selectors.total_counts(summary),
            "looked_after": looked_after.get_page(request.GET.get("page")),
            "restricted": selectors.restricted_looked_after_count(),
        },
    )
