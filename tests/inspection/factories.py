"""Test helpers for inspection readiness. The inspections themselves are preloaded by
migration, so tests use those rows rather than inventing others."""

from datetime import date, timedelta

from django.utils import timezone

from kinfolio.accounts.models import Role, User
from kinfolio.inspection.access import InspectorGrant
from kinfolio.inspection.models import Action, AnnexARun, Inspection, Recommendation
from kinfolio.quality_assurance.models import Audit, AuditSample, AuditTool
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


def audit_of(child, *, auditor=None, moderator=None) -> Audit:
    """An audit of ``child`` with the starter tool, in a sample of its own."""
    sample = AuditSample.objects.create(
        tool=AuditTool.objects.get(),
        name=f"Sample {AuditSample.objects.count() + 1}",
        method=AuditSample.Method.CHOSEN,
        created_by=UserFactory(role=Role.SERVICE_MANAGER),
    )
    return Audit.objects.create(
        sample=sample,
        child=child,
        auditor=auditor or UserFactory(role=Role.TEAM_MANAGER),
        moderator=moderator,
    )


def inspection_url_values(child) -> dict:
    """Ids for the authorisation matrix's inspection and audit URLs (about ``child``)."""
    action = Action.objects.first() or make_action(due_on=inspection_2012().reference_date)
    audit = Audit.objects.filter(child=child).first() or audit_of(child)
    return {
        "inspection_id": action.recommendation.inspection_id,
        "recommendation_id": action.recommendation_id,
        "action_id": action.pk,
        "audit_id": audit.pk,
        "annex_run_id": inspected_run().pk,
    }


def inspected_run() -> AnnexARun:
    """A finished Annex A run, inside the period of every inspector's grant."""
    run = AnnexARun.objects.first() or finished_annex_a_run()
    director = User.objects.filter(role=Role.DIRECTOR).first() or UserFactory(role=Role.DIRECTOR)
    for inspector in User.objects.filter(role=Role.INSPECTOR, inspector_grant__isnull=True):
        InspectorGrant.objects.create(
            inspector=inspector,
            period_start=run.start,
            period_end=run.end,
            access_until=timezone.now() + timedelta(days=14),
            granted_by=director,
        )
    return run


def finished_annex_a_run() -> AnnexARun:
    return AnnexARun.objects.create(
        start=date(2026, 6, 1),
        end=date(2026, 11, 30),
        status=AnnexARun.Status.DONE,
        workbook=b"PK",
        requested_by=UserFactory(role=Role.DIRECTOR),
    )
