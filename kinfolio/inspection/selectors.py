"""Reads for inspection readiness: the history on one axis, action plans, overdue
actions. Inspection data is about the council, not a child, so it is not scoped by
``children_visible_to``; who may read it is decided by permission."""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.db.models import Count, Prefetch, Q, QuerySet

from kinfolio.accounts.models import Role, User
from kinfolio.inspection.models import Action, Inspection, Judgement, Recommendation

# Every scale Ofsted has used for children's services since 2005 has four points,
# so the common axis has four places, worst to best.
AXIS_PLACES = 4


@dataclass(frozen=True)
class AxisRow:
    judgement: Judgement
    level: Fraction
    place: int  # 0 (worst) .. AXIS_PLACES - 1 (best)


def inspection_history() -> list[tuple[Inspection, list[AxisRow]]]:
    """Every inspection, oldest first, with each judgement placed on the common axis."""
    judgements = Judgement.objects.select_related("grade__scale").prefetch_related(
        "grade__scale__grades"
    )
    inspections = Inspection.objects.select_related("scale").prefetch_related(
        Prefetch("judgements", queryset=judgements)
    )
    history = []
    for inspection in inspections:
        rows = []
        for judgement in inspection.judgements.all():
            level = judgement.level
            rows.append(AxisRow(judgement, level, round(level * (AXIS_PLACES - 1))))
        history.append((inspection, rows))
    return history


def action_plan(inspection: Inspection) -> QuerySet[Recommendation]:
    """The inspection's recommendations with their owners and actions."""
    return (
        inspection.recommendations.select_related("owner")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.select_related("owner")))
        .order_by("order")
    )


def inspections_with_plan_counts() -> QuerySet[Inspection]:
    return Inspection.objects.annotate(
        recommendation_count=Count("recommendations", distinct=True),
        open_actions=Count(
            "recommendations__actions",
            filter=~Q(recommendations__actions__status=Action.Status.COMPLETE),
            distinct=True,
        ),
    )


def overdue_actions_for(user: User, *, today: date) -> QuerySet[Action]:
    """Actions past their due date and not complete: the director sees every one,
    anyone else the ones they own."""
    actions = Action.objects.filter(due_on__lt=today).exclude(status=Action.Status.COMPLETE)
    if user.role != Role.DIRECTOR:
        actions = actions.filter(owner=user)
    return actions.select_related("owner", "recommendation__inspection").order_by("due_on", "pk")


def action_owner_choices() -> QuerySet[User]:
    """Who may own an action: managers and the director, with active accounts."""
    return User.objects.filter(
        is_active=True, role__in=[Role.DIRECTOR, Role.SERVICE_MANAGER, Role.TEAM_MANAGER]
    )


def action_detail(action_id: int) -> Action | None:
    return (
        Action.objects.select_related("owner", "recommendation__inspection")
        .prefetch_related("updates__written_by", "evidence__added_by")
        .filter(pk=action_id)
        .first()
    )
