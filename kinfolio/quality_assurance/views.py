"""Pages for case file audits: the list, a new sample, one audit, the moderation report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.audit.services import record_access
from kinfolio.inspection.views import apply, log_view
from kinfolio.people.selectors import children_in_scope_ignoring_restrictions, children_visible_to
from kinfolio.quality_assurance import selectors, services
from kinfolio.quality_assurance.forms import GradesForm, SampleForm
from kinfolio.quality_assurance.models import Audit


@permission_required(Permission.CONDUCT_AUDITS)
def audits(request):
    log_view(request, "quality_assurance:audits")
    return render(
        request,
        "quality_assurance/audits.html",
        {"mine": selectors.audits_for(request.user), "samples": selectors.samples()},
    )


@permission_required(Permission.MANAGE_AUDITS)
def sample_new(request):
    form = SampleForm(request.POST or None)
    if request.method == "POST" and apply(
        form,
        lambda **data: services.draw_sample(
            by=request.user, size=data.pop("size") or 0, moderate=data.pop("moderate") or 0, **data
        ),
    ):
        messages.success(request, "Audits created")
        return redirect("quality_assurance:audits")
    return render(request, "quality_assurance/sample_form.html", {"form": form})


@permission_required(Permission.CONDUCT_AUDITS)
def audit(request, local_id: str, audit_id: int):
    child = children_visible_to(request.user).filter(local_id=local_id).first()
    if child is None:
        in_scope = children_in_scope_ignoring_restrictions(request.user)
        raise PermissionDenied if in_scope.filter(local_id=local_id).exists() else Http404
    item = get_object_or_404(
        Audit.objects.select_related("sample__tool", "auditor", "moderator"),
        pk=audit_id,
        child=child,
    )
    grader = request.user.pk in (item.auditor_id, item.moderator_id)
    if request.method == "POST" and not grader:
        raise PermissionDenied
    tool = item.sample.tool
    questions, grades = list(tool.questions.all()), list(tool.grades.all())
    form = GradesForm(request.POST or None, questions=questions, grades=grades)
    if request.method == "POST":
        try:
            if form.is_valid():
                services.record_grades(audit=item, grades=form.grades(grades), by=request.user)
                messages.success(request, "Grades saved")
                return redirect(request.path)
        except ValidationError as error:
            form.add_error(None, error.messages)
    record_access(by=request.user, action="view_record", request=request, child=child)
    answers = item.answers.select_related("question", "grade").order_by("question__order")
    return render(
        request,
        "quality_assurance/audit.html",
        {"audit": item, "child": child, "form": form, "grader": grader, "answers": answers},
    )


@permission_required(Permission.VIEW_INSPECTION)
def moderation(request):
    log_view(request, "quality_assurance:moderation")
    return render(
        request, "quality_assurance/moderation.html", {"gaps": selectors.moderation_gaps()}
    )
