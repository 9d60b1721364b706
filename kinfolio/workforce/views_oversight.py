"""Management oversight pages: a worker's supervision, a manager's case direction."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.workforce import forms
from kinfolio.workforce.models import Worker
from kinfolio.workforce.services import supervision
from kinfolio.workforce.team_selectors import reallocation_list
from kinfolio.workforce.views_helpers import add_errors, opened_child


@permission_required(Permission.RECORD_OVERSIGHT)
def record_supervision(request, worker_id: int):
    worker = get_object_or_404(Worker.objects.select_related("team"), pk=worker_id)
    children = [a.child for a in reallocation_list(worker, request.user)]
    form = forms.SupervisionForm(request.POST or None, children=children)
    if request.method == "POST" and form.is_valid():
        decisions = [supervision.CaseDecision(*row) for row in form.case_decisions()]
        try:
            supervision.record_supervision(
                worker=worker,
                held_on=form.cleaned_data["held_on"],
                notes=form.cleaned_data["notes"],
                decisions=decisions,
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                f"Supervision of {worker} saved; each decision is on the child's record",
            )
            return redirect("workforce:worker", worker_id=worker.pk)
    return render(request, "workforce/supervision.html", {"worker": worker, "form": form})


@permission_required(Permission.RECORD_OVERSIGHT)
def case_direction(request, local_id: str):
    child = opened_child(request, local_id)
    form = forms.CaseDirectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            supervision.record_case_direction(child=child, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Case direction saved on the child's record")
            return redirect("people:child", local_id=child.local_id)
    return render(request, "workforce/case_direction.html", {"child": child, "form": form})
