"""Adding key events to a child's chronology, and exporting it (logged as an export)."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.chronology import exports, services
from kinfolio.chronology.forms import KeyEventForm
from kinfolio.chronology.selectors import chronology_for
from kinfolio.people.access import child_for
from kinfolio.recording.pages import record_page


@permission_required(Permission.RECORD_CASEWORK)
def add_key_event(request, local_id: str):
    child = child_for(request.user, local_id)
    chronology = reverse("people:child-chronology", args=[child.local_id])
    return record_page(
        request,
        form_class=KeyEventForm,
        service=services.add_key_event,
        arguments={"child": child},
        child=child,
        title="Add a key event to the chronology",
        caption=child.full_name,
        success_url=chronology,
        success_message="Key event added",
        back_url=chronology,
    )


def _export(request, local_id: str, fmt: str):
    child = child_for(request.user, local_id)
    events = chronology_for(child, kinds=request.GET.getlist("kind") or None)
    record_access(
        by=request.user,
        action="export",
        request=request,
        child=child,
        object_ref=f"chronology.{fmt}",
    )
    name = f"chronology-{child.local_id}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(events), content_type="text/csv; charset=utf-8")
    else:
        pdf = exports.as_pdf(
            child, events, made_by=request.user.get_full_name() or request.user.get_username()
        )
        response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def export_csv(request, local_id: str):
    return _export(request, local_id, "csv")


@require_GET
@permission_required(Permission.VIEW_CHILD_RECORD)
def export_pdf(request, local_id: str):
    return _export(request, local_id, "pdf")
