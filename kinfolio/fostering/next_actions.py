"""What fostering and adoption suggest on a child's record, from what the record already
knows of the child (``people.record.record_child``; no query): finding a placement for
a looked after child or one on a child protection plan (where care may be considered),
private fostering for a child not looked after or privately fostered before, adoption
for a looked after child or one with an adoption plan."""

from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction


def next_actions(child: Person, user: User) -> list[NextAction]:
    if not has_permission(user, Permission.RECORD_CASEWORK) or child.date_of_birth is None:
        return []
    actions = []
    looked_after = child.open_period is not None
    if looked_after or child.open_cp_plan is not None:
        search = reverse("fostering:placement-search", args=[child.local_id])
        actions.append(NextAction("Search for a placement", search))
    if not looked_after or child.privately_fostered:
        private = reverse("fostering:private-fostering", args=[child.local_id])
        actions.append(NextAction("Private fostering", private))
    if looked_after or child.has_adoption_plan:
        actions.append(NextAction("Adoption", reverse("adoption:child", args=[child.local_id])))
    return actions
