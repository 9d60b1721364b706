"""The Returns page: validate a year's return in the background, follow each error to
the child, see error counts over time, and download the return."""

import io
import tempfile
from pathlib import Path

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.returns import selectors, services
from kinfolio.returns.exports import zip_return
from kinfolio.returns.forms import ValidateForm
from kinfolio.returns.models import KIND_CHOICES, ValidationRun
from kinfolio.returns.years import CollectionYear


@require_GET
@permission_required(Permission.MANAGE_RETURNS)
def index(request):
    history = selectors.error_history()
    return render(
        request,
        "returns/index.html",
        {
            "years": selectors.years_with_latest_runs(),
            "kinds": KIND_CHOICES,
            "history": history,
            "chart_height": selectors.CHART_HEIGHT,
            "bar_width": selectors.BAR_WIDTH,
            "chart_width": max(len(history), 1) * selectors.BAR_STEP,
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required(Permission.MANAGE_RETURNS)
def validate(request):
    """Choose a return and a year (the Returns page posts here straight from its table)."""
    form = ValidateForm(request.POST or None)
    if not form.is_valid():
        return render(request, "returns/validate.html", {"form": form})
    run = services.request_validation(
        kind=form.cleaned_data["kind"], year=form.cleaned_data["year"], by=request.user
    )
    return redirect("returns:run", run_id=run.pk)


@require_GET
@permission_required(Permission.MANAGE_RETURNS)
def run(request, run_id: int):
    validation = get_object_or_404(ValidationRun, pk=run_id)
    record_access(
        by=request.user, action="view_record", request=request, object_ref=str(validation)
    )
    groups = selectors.issues_by_rule(validation, request.user)
    return render(
        request,
        "returns/run.html",
        {
            "run": validation,
            "year": CollectionYear(validation.collection_year),
            "groups": groups,
            "known_faults": sum(group.count for group in groups if group.fault),
            "working": validation.status
            in (ValidationRun.Status.QUEUED, ValidationRun.Status.RUNNING),
        },
    )


@require_GET
@permission_required(Permission.MANAGE_RETURNS)
def download(request, kind: str, year: str):
    if kind not in dict(KIND_CHOICES):
        raise Http404
    try:
        collection_year = CollectionYear.parse(year)
    except ValueError as error:
        raise Http404 from error
    with tempfile.TemporaryDirectory(prefix="kinfolio-download-") as folder:
        archive = zip_return(kind, collection_year, Path(folder))
        packed = io.BytesIO(archive.read_bytes())
    record_access(by=request.user, action="export", request=request, object_ref=archive.name)
    return FileResponse(packed, as_attachment=True, filename=archive.name)
