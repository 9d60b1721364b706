"""What casework suggests doing on a child's record."""

from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction


def next_actions(child: Person, user: User) -> list[NextAction]:
    if not has_permission(user, Permission.RECORD_CASEWORK):
        return []
    return [NextAction("Add a case note", reverse("casework:case-note-new", args=[child.local_id]))]
