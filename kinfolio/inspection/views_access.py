"""Inspectors: their landing page, and the page where the council grants access."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.inspection.access import InspectorGrant, grant_inspector_access
from kinfolio.inspection.forms import InspectorForm
from kinfolio.inspection.models import AnnexARun, Inspection
from kinfolio.inspection.views import apply, log_view
from kinfolio.inspection.views_annex_a import workbook_response


def _grant(user) -> InspectorGrant | None:
    return InspectorGrant.objects.filter(inspector=user).first()


def _workbooks(grant: InspectorGrant | None):
    """Annex A workbooks for the inspected period (none without a grant)."""
    if grant is None:
        return AnnexARun.objects.none()
    return AnnexARun.objects.defer("workbook").filter(
        status=AnnexARun.Status.DONE, start__gte=grant.period_start, end__lte=grant.period_end
    )


@permission_required(Permission.VIEW_INSPECTION)
def home(request):
    """What an inspector may see, in one place (every page they open is logged)."""
    log_view(request, "inspection:home")
    grant = _grant(request.user)
    return render(
        request,
        "inspection/home.html",
        {
            "grant": grant,
            "inspections": Inspection.objects.filter(recommendations__isnull=False).distinct(),
            "workbooks": _workbooks(grant),
        },
    )


@permission_required(Permission.INSPECT_PERIOD)
def inspector_workbook(request, annex_run_id: int):
    run = get_object_or_404(_workbooks(_grant(request.user)).defer(None), pk=annex_run_id)
    record_access(by=request.user, action="export", request=request, object_ref=str(run))
    return workbook_response(run)


@permission_required(Permission.MANAGE_INSPECTOR_ACCESS)
def inspectors(request):
    form = InspectorForm(request.POST or None)
    created = []
    if request.method == "POST":
        apply(form, lambda **data: created.append(grant_inspector_access(by=request.user, **data)))
    log_view(request, "inspection:inspectors")
    grants = InspectorGrant.objects.select_related("inspector", "granted_by")
    return render(
        request,
        "inspection/inspectors.html",
        {
            "form": InspectorForm() if created else form,
            "created": created[0] if created else None,
            "grants": grants,
            "now": timezone.now(),
        },
    )
