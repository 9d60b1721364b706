"""Deadlines that need action, as the first items of the child's "what needs doing"."""

from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.people.models import Person
from kinfolio.people.record import NextAction
from kinfolio.timescales.engine import Status
from kinfolio.timescales.selectors import ACTION_NEEDED, open_deadlines_of


def next_actions(child: Person, user: User) -> list[NextAction]:
    url = reverse("people:child-deadlines", args=[child.local_id])
    return [
        NextAction(
            label=deadline.clock.rule.name,
            url=url,
            reason=f"{deadline.status.label}: {deadline.explanation}",
            urgent=deadline.status == Status.OVERDUE,
        )
        for deadline in open_deadlines_of(child)
        if deadline.status in ACTION_NEEDED
    ]
