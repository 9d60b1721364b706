"""Annex A pages: ask for a period, follow the background task, download the workbook."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.inspection.annex_a import LISTS
from kinfolio.inspection.annex_a_runs import request_annex_a
from kinfolio.inspection.forms import AnnexAForm
from kinfolio.inspection.models import AnnexARun
from kinfolio.inspection.views import apply, log_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@permission_required(Permission.PRODUCE_ANNEX_A)
def annex_a(request):
    form = AnnexAForm(request.POST or None)
    created = []
    if request.method == "POST" and apply(
        form, lambda **data: created.append(request_annex_a(by=request.user, **data))
    ):
        return redirect("inspection:annex-a-run", annex_run_id=created[0].pk)
    runs = AnnexARun.objects.defer("workbook").select_related("requested_by")[:10]
    return render(request, "inspection/annex_a.html", {"form": form, "runs": runs})


@require_GET
@permission_required(Permission.PRODUCE_ANNEX_A)
def annex_a_run(request, annex_run_id: int):
    run = get_object_or_404(AnnexARun.objects.defer("workbook"), pk=annex_run_id)
    log_view(request, str(run))
    lists = [(item, run.row_counts.get(str(item.number))) for item in LISTS]
    working = run.status in (AnnexARun.Status.QUEUED, AnnexARun.Status.RUNNING)
    return render(
        request,
        "inspection/annex_a_run.html",
        {"run": run, "lists": lists, "working": working, "total": len(LISTS)},
    )


@require_GET
@permission_required(Permission.PRODUCE_ANNEX_A)
def annex_a_download(request, annex_run_id: int):
    run = get_object_or_404(AnnexARun, pk=annex_run_id, status=AnnexARun.Status.DONE)
    if run.workbook is None:
        raise Http404
    record_access(by=request.user, action="export", request=request, object_ref=str(run))
    return workbook_response(run)


def workbook_response(run: AnnexARun) -> HttpResponse:
    response = HttpResponse(bytes(run.workbook), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="annex-a-{run.start}-{run.end}.xlsx"'
    return response
