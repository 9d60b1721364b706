"""The data protection officer's reports: unusual access and records due for review."""

from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit import retention
from kinfolio.audit.forms import UnusualAccessForm
from kinfolio.audit.models import RetentionRule
from kinfolio.audit.unusual_access import unusual_access_report

DEFAULT_PERIOD_DAYS = 28


@require_GET
@permission_required(Permission.VIEW_ACCESS_LOG)
def unusual_access(request):
    today = timezone.localdate()
    start, end, daily_views = today - timedelta(days=DEFAULT_PERIOD_DAYS - 1), today, None
    asked = "start_0" in request.GET
    form = UnusualAccessForm(request.GET if asked else None, initial={"start": start, "end": end})
    report = None
    if not asked or form.is_valid():
        if asked:
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            daily_views = form.cleaned_data["daily_views"]
        report = unusual_access_report(start, end, daily_views=daily_views)
    return render(request, "audit/unusual_access.html", {"form": form, "report": report})


@require_GET
@permission_required(Permission.VIEW_RETENTION_REVIEW)
def retention_review(request):
    today = timezone.localdate()
    due = retention.due_for_review_seen_by(request.user, on=today)
    return render(
        request,
        "audit/retention_review.html",
        {
            "today": today,
            "total": due.count(),
            "rows": retention.review_rows(due[: retention.REVIEW_LIMIT]),
            "limit": retention.REVIEW_LIMIT,
            "rules": RetentionRule.objects.all(),
        },
    )
