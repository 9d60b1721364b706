"""Emails sent once a workforce change has committed (never from inside a transaction,
so nobody is told of a change that was rolled back)."""

from django.core.mail import send_mail
from django.urls import reverse

from kinfolio.workforce.models import Allocation, Team, Transfer, Worker


def _send(subject: str, message: str, users) -> None:
    emails = sorted({u.email for u in users if u is not None and u.email})
    if emails:
        send_mail(subject=subject, message=message, from_email=None, recipient_list=emails)


def _manager_user(team: Team):
    manager = team.manager
    return manager.user if manager is not None else None


def allocated(*, allocation_id: int) -> None:
    """Tell the worker a child has been allocated to them."""
    allocation = Allocation.objects.select_related("child", "worker__user", "team").get(
        pk=allocation_id
    )
    if allocation.worker is None:
        return
    path = reverse("people:child", args=[allocation.child.local_id])
    _send(
        f"Child allocated to you: {allocation.child.local_id}",
        f"{allocation.child.local_id} was allocated to you in {allocation.team} from "
        f"{allocation.start_date:%-d %B %Y}. Their record: {path}\n",
        [allocation.worker.user],
    )


def transfer_proposed(*, transfer_id: int) -> None:
    """Ask the receiving team's manager to accept a transfer."""
    transfer = Transfer.objects.select_related("child", "from_team", "to_team__manager__user").get(
        pk=transfer_id
    )
    path = reverse("workforce:transfers", args=[transfer.to_team_id])
    _send(
        f"Transfer to {transfer.to_team} waiting for you: {transfer.child.local_id}",
        f"{transfer.from_team} asks {transfer.to_team} to take on {transfer.child.local_id}. "
        f"Read the handover note and accept or decline: {path}\n",
        [_manager_user(transfer.to_team)],
    )


def transfer_decided(*, transfer_id: int) -> None:
    """Tell whoever proposed a transfer what the receiving manager decided."""
    transfer = Transfer.objects.select_related("child", "to_team", "proposed_by").get(
        pk=transfer_id
    )
    _send(
        f"Transfer {transfer.get_status_display().lower()}: {transfer.child.local_id}",
        f"{transfer.to_team} {transfer.get_status_display().lower()} the transfer of "
        f"{transfer.child.local_id}. {transfer.decline_reason}\n",
        [transfer.proposed_by],
    )


def worker_leaving(*, worker_id: int) -> None:
    """Tell the team's manager a worker is leaving and their children need new workers."""
    worker = Worker.objects.select_related("team__manager__user").get(pk=worker_id)
    path = reverse("workforce:worker", args=[worker.pk])
    _send(
        f"{worker} leaves on {worker.end_date:%-d %B %Y}: children to reallocate",
        f"{worker} leaves {worker.team} on {worker.end_date:%-d %B %Y}. The children they "
        f"hold need another worker: {path}\n",
        [_manager_user(worker.team)],
    )
