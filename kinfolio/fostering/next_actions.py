"""What fostering and adoption suggest on a child's record: finding a placement, and
the child's private fostering and adoption pages (no query: always offered)."""

from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction


def next_actions(child: Person, user: User) -> list[NextAction]:
    if not has_permission(user, Permission.RECORD_CASEWORK) or child.date_of_birth is None:
        return []
    return [
        NextAction(
            "Search for a placement",
            reverse("fostering:placement-search", args=[child.local_id]),
        ),
        NextAction(
            "Private fostering", reverse("fostering:private-fostering", args=[child.local_id])
        ),
        NextAction("Adoption", reverse("adoption:child", args=[child.local_id])),
    ]
