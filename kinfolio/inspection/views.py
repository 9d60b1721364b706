"""Pages for inspection readiness: the history, action plans and actions."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.inspection import selectors, services
from kinfolio.inspection.forms import ActionForm, EvidenceForm, ProgressForm
from kinfolio.inspection.models import Inspection, Recommendation
from kinfolio.inspection.self_evaluation import as_docx
from kinfolio.inspection.self_evaluation import self_evaluation as build_self_evaluation

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def log_view(request, ref: str) -> None:
    record_access(by=request.user, action="view_record", request=request, object_ref=ref)


def apply(form, call) -> bool:
    """Run a service on a valid form; its ValidationError becomes form errors."""
    if not form.is_valid():
        return False
    try:
        call(**form.cleaned_data)
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
        return False
    return True


@permission_required(Permission.VIEW_INSPECTION)
def history(request):
    log_view(request, "inspection:history")
    return render(
        request,
        "inspection/history.html",
        {
            "history": selectors.inspection_history(),
            "places": range(selectors.AXIS_PLACES),
            "plans": selectors.inspections_with_plan_counts(),
            "perms_annex_a": has_permission(request.user, Permission.PRODUCE_ANNEX_A),
        },
    )


@permission_required(Permission.VIEW_INSPECTION)
def action_plan(request, inspection_id: int):
    inspection = get_object_or_404(Inspection, pk=inspection_id)
    log_view(request, f"inspection:{inspection.pk}:action-plan")
    return render(
        request,
        "inspection/action_plan.html",
        {
            "inspection": inspection,
            "recommendations": selectors.action_plan(inspection),
            "today": timezone.localdate(),
            "can_manage": has_permission(request.user, Permission.MANAGE_ACTION_PLANS),
        },
    )


@permission_required(Permission.VIEW_INSPECTION)
def recommendation(request, recommendation_id: int):
    rec = get_object_or_404(
        Recommendation.objects.select_related("inspection"), pk=recommendation_id
    )
    can_manage = has_permission(request.user, Permission.MANAGE_ACTION_PLANS)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied
    form = ActionForm(request.POST or None)
    if request.method == "POST" and apply(
        form, lambda **data: services.add_action(recommendation=rec, by=request.user, **data)
    ):
        messages.success(request, "Action added")
        return redirect("inspection:action-plan", inspection_id=rec.inspection_id)
    log_view(request, f"inspection:recommendation:{rec.pk}")
    due = services.due_date(inspection=rec.inspection, timescale=rec.timescale)
    return render(
        request,
        "inspection/recommendation.html",
        {"recommendation": rec, "form": form, "can_manage": can_manage, "due": due},
    )


@permission_required(Permission.VIEW_INSPECTION)
def action(request, action_id: int):
    item = selectors.action_detail(action_id)
    if item is None:
        raise Http404
    may_update = item.owner_id == request.user.pk or has_permission(
        request.user, Permission.MANAGE_ACTION_PLANS
    )
    if request.method == "POST" and not may_update:
        raise PermissionDenied
    form_class = EvidenceForm if request.POST.get("form") == "evidence" else ProgressForm
    bound = form_class(request.POST) if request.method == "POST" else None
    service = services.add_evidence if form_class is EvidenceForm else services.record_progress
    if bound is not None and apply(bound, lambda **d: service(action=item, by=request.user, **d)):
        messages.success(request, "Saved")
        return redirect("inspection:action", action_id=item.pk)
    log_view(request, f"inspection:action:{item.pk}")
    forms = {"progress": ProgressForm(initial={"status": item.status}), "evidence": EvidenceForm()}
    if bound is not None:
        forms["evidence" if form_class is EvidenceForm else "progress"] = bound
    return render(
        request,
        "inspection/action.html",
        {"action": item, "may_update": may_update, "today": timezone.localdate(), **forms},
    )


@permission_required(Permission.VIEW_INSPECTION)
def self_evaluation(request):
    log_view(request, "inspection:self-evaluation")
    evaluation = build_self_evaluation(timezone.localdate())
    if request.GET.get("format") == "docx":
        document = as_docx(evaluation, settings.KINFOLIO_AUTHORITY_NAME)
        response = HttpResponse(document, content_type=DOCX)
        response["Content-Disposition"] = 'attachment; filename="self-evaluation.docx"'
        return response
    return render(request, "inspection/self_evaluation.html", {"evaluation": evaluation})
