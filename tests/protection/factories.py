"""A child's referral-to-protection chain, and the URL parameters naming it (for the
URL x role matrix and the restricted-child page walk, which open every page for a
child of each kind)."""

from kinfolio.protection.models import PlanAction, PlanOutcome
from tests.factories import (
    AssessmentFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    CINPlanFactory,
    D,
)


def protection_records(child) -> None:
    """An assessment, a strategy discussion, enquiry, initial conference, plan with an
    outcome and a child in need plan, in the child's open episode (made if none)."""
    episode = child.cin_episodes.filter(close_date__isnull=True).first() or CINEpisodeFactory(
        child=child
    )
    plan = ChildProtectionPlanFactory(
        child=child,
        cin_episode=episode,
        initial_conference__child=child,
        initial_conference__section47__child=child,
        initial_conference__section47__cin_episode=episode,
        initial_conference__section47__strategy_discussion__cin_episode=episode,
    )
    AssessmentFactory(cin_episode=episode, child=child)
    CINPlanFactory(cin_episode=episode, child=child)
    outcome = PlanOutcome.objects.create(cp_plan=plan, outcome="Safe at home")
    PlanAction.objects.create(
        outcome=outcome, action="Parenting course", owner="Mum", due_date=D(2024, 6, 1)
    )


def protection_url_values(child) -> dict:
    """The ids of the child's records each page names (making them the first time)."""
    if not child.cp_plans.exists():
        protection_records(child)
    plan = child.cp_plans.first()
    return {
        "episode_id": child.cin_episodes.values_list("pk", flat=True).first(),
        "assessment_id": child.assessments.values_list("pk", flat=True).first(),
        "enquiry_id": child.section47_enquiries.values_list("pk", flat=True).first(),
        "conference_id": child.cp_conferences.values_list("pk", flat=True).first(),
        "plan_id": plan.pk,
        "outcome_id": plan.outcomes.values_list("pk", flat=True).first(),
        "plan_action_id": PlanAction.objects.filter(outcome__cp_plan=plan)
        .values_list("pk", flat=True)
        .first(),
        "cin_plan_id": child.cin_plans.values_list("pk", flat=True).first(),
    }
