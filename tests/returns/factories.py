from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.returns.models import ValidationRun
from kinfolio.returns.validation.client import Finding
from tests.factories import ChildFactory
from tests.factories_accounts import UserFactory


def returns_url_values() -> dict:
    """Values for the authorisation matrix's returns URLs."""
    run = ValidationRun.objects.first() or ValidationRun.objects.create(
        kind="cin", collection_year=2026, requested_by=UserFactory(role=Role.PERFORMANCE_ANALYST)
    )
    return {"run_id": run.pk, "kind": "cin", "year": "2025-26"}


def finished_validation(
    *, validator: str, version: str, findings: list[Finding], requested_by=None
) -> ValidationRun:
    """A finished SSDA903 validation by ``validator`` ``version`` that found ``findings``
    (errors), each on a child made with the finding's LA child ID."""
    run = ValidationRun.objects.create(
        kind="ssda903",
        collection_year=2026,
        requested_by=requested_by or UserFactory(role=Role.PERFORMANCE_ANALYST),
        status="done",
        finished_at=timezone.now(),
        error_count=len(findings),
        query_count=0,
        validator_seconds=12.5,
        validator=validator,
        validator_version=version,
    )
    children = {la_id: ChildFactory(local_id=la_id) for la_id in {f.child for f in findings}}
    for finding in findings:
        run.issues.create(
            rule=finding.rule,
            message=finding.message,
            la_child_id=finding.child,
            child=children[finding.child],
            table=finding.table,
            field=finding.field,
        )
    return run
