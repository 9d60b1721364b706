"""Test helpers for inspection readiness. The inspections themselves are preloaded by
migration, so tests use those rows rather than inventing others."""

from kinfolio.accounts.models import Role
from kinfolio.inspection.models import Action, Inspection, Recommendation
from tests.factories_accounts import UserFactory


def inspection_2012() -> Inspection:
    return Inspection.objects.get(year=2012)


def make_action(*, owner=None, due_on, recommendation: Recommendation | None = None) -> Action:
    """An action row written directly: for tests about reading actions, not adding them."""
    return Action.objects.create(
        recommendation=recommendation or inspection_2012().recommendations.first(),
        description="Audit every strategy discussion record in the quarter",
        owner=owner or UserFactory(role=Role.SERVICE_MANAGER),
        due_on=due_on,
    )


def inspection_url_values() -> dict:
    """Ids for the authorisation matrix's inspection URLs."""
    action = Action.objects.first() or make_action(due_on=inspection_2012().reference_date)
    return {
        "inspection_id": action.recommendation.inspection_id,
        "recommendation_id": action.recommendation_id,
        "action_id": action.pk,
    }
