"""What a manager may do on a child's record: allocate, transfer, direct the case."""

from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction
from kinfolio.workforce.services.allocations import current_allocation


def next_actions(child: Person, user: User) -> list[NextAction]:
    actions = []
    if has_permission(user, Permission.ALLOCATE_CASES):
        current = current_allocation(child=child)
        url = reverse("workforce:allocate", args=[child.local_id])
        if current is not None and current.worker is None:
            waiting = f"Waiting for a worker in {current.team} since {current.start_date:%-d %B %Y}"
            actions.append(NextAction("Allocate a social worker", url, waiting, urgent=True))
        elif current is not None and current.worker.end_date is not None:
            leaving = f"{current.worker} leaves on {current.worker.end_date:%-d %B %Y}"
            actions.append(NextAction("Reallocate", url, leaving, urgent=True))
        else:
            actions.append(NextAction("Allocate or reallocate", url))
        if current is not None:
            actions += [
                NextAction(
                    "Transfer to another team",
                    reverse("workforce:transfer", args=[child.local_id]),
                ),
                NextAction(
                    "End the allocation",
                    reverse("workforce:end-allocation", args=[child.local_id]),
                ),
            ]
    if has_permission(user, Permission.RECORD_OVERSIGHT):
        actions.append(
            NextAction(
                "Record a case direction",
                reverse("workforce:case-direction", args=[child.local_id]),
            )
        )
    return actions
