"""Allocation pages: allocate, end an allocation, transfer, a worker's leaving date."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.workforce import forms
from kinfolio.workforce.models import Team, Transfer, Worker
from kinfolio.workforce.services import allocations, transfers
from kinfolio.workforce.team_selectors import waiting_transfers
from kinfolio.workforce.views_helpers import add_errors, in_post, opened_child


@permission_required(Permission.ALLOCATE_CASES)
def allocate(request, local_id: str):
    child = opened_child(request, local_id)
    current = allocations.current_allocation(child=child)
    team = current.team if current else _own_team(request)
    form = forms.AllocateForm(request.POST or None, workers=in_post(team))
    if request.method == "POST" and form.is_valid():
        try:
            allocations.allocate(child=child, team=team, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, f"{child.full_name} allocated to {form.cleaned_data['worker']}"
            )
            return redirect("people:child", local_id=child.local_id)
    return render(
        request,
        "workforce/allocate.html",
        {"child": child, "current": current, "team": team, "form": form},
    )


@permission_required(Permission.ALLOCATE_CASES)
def end_allocation(request, local_id: str):
    child = opened_child(request, local_id)
    current = allocations.current_allocation(child=child)
    form = forms.EndAllocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if current is None:
                raise ValidationError("This child has no current allocation to end")
            allocations.end_allocation(allocation=current, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, f"Allocation of {child.full_name} ended")
            return redirect("people:child", local_id=child.local_id)
    return render(
        request, "workforce/end_allocation.html", {"child": child, "current": current, "form": form}
    )


@permission_required(Permission.ALLOCATE_CASES)
def transfer(request, local_id: str):
    child = opened_child(request, local_id)
    current = allocations.current_allocation(child=child)
    teams = Team.objects.exclude(pk=current.team_id) if current else Team.objects.none()
    form = forms.TransferForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        try:
            transfers.propose_transfer(child=child, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                f"{form.cleaned_data['to_team']} has been asked to take {child.full_name} on",
            )
            return redirect("people:child", local_id=child.local_id)
    return render(
        request, "workforce/transfer.html", {"child": child, "current": current, "form": form}
    )


@permission_required(Permission.ALLOCATE_CASES)
def leaving(request, worker_id: int):
    worker = get_object_or_404(Worker.objects.select_related("team"), pk=worker_id)
    form = forms.LeavingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            worker = allocations.record_leaving_date(
                worker=worker, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                f"{worker} leaves on {worker.end_date:%-d %B %Y}: reallocate their children below",
            )
            return redirect("workforce:worker", worker_id=worker.pk)
    return render(request, "workforce/leaving.html", {"worker": worker, "form": form})


@permission_required(Permission.ALLOCATE_CASES)
def incoming_transfers(request, team_id: int):
    """Transfers waiting for this team's answer: accept (with a worker) or decline."""
    team = get_object_or_404(Team, pk=team_id)
    waiting = waiting_transfers(team, request.user)
    bound = None
    if request.method == "POST":
        row = next((t for t in waiting if str(t.pk) == request.POST.get("transfer")), None)
        if row is None:
            raise Http404("No such transfer waiting for this team")
        bound = _answer(request, team, row)
        if bound is None:
            return redirect("workforce:transfers", team_id=team.pk)
    workers = list(in_post(team))
    rows = [(row, *_forms_for(row, workers, bound)) for row in waiting]
    return render(request, "workforce/transfers.html", {"team": team, "rows": rows})


def _answer(request, team: Team, row: Transfer):
    """Accept or decline one transfer; the bound form with its errors, or None when done."""
    if request.POST.get("answer") == "decline":
        form = forms.DeclineTransferForm(request.POST, prefix=f"decline-{row.pk}")
        service, names = transfers.decline_transfer, {"decline_reason": "reason"}
    else:
        form = forms.AcceptTransferForm(
            request.POST, prefix=f"accept-{row.pk}", workers=list(in_post(team))
        )
        service, names = (
            transfers.accept_transfer,
            {"transfer_date": "transfer_date", "worker": "worker"},
        )
    if not form.is_valid():
        return form
    try:
        service(transfer=row, by=request.user, **{names[k]: form.cleaned_data[k] for k in names})
    except ValidationError as error:
        add_errors(form, error)
        return form
    messages.success(request, f"Transfer of {row.child.full_name} answered")
    return None


def _forms_for(row: Transfer, workers: list, bound) -> tuple:
    """The accept and decline forms for one transfer (the bound one if it was answered)."""
    accept = forms.AcceptTransferForm(prefix=f"accept-{row.pk}", workers=workers)
    decline = forms.DeclineTransferForm(prefix=f"decline-{row.pk}")
    if bound is not None and bound.prefix == accept.prefix:
        accept = bound
    elif bound is not None and bound.prefix == decline.prefix:
        decline = bound
    return accept, decline


def _own_team(request) -> Team | None:
    worker = getattr(request.user, "worker", None)
    if worker is None:
        return None
    return worker.managed_teams.first() or worker.team
