from kinfolio.accounts.models import Role
from kinfolio.returns.models import ValidationRun
from tests.factories_accounts import UserFactory


def returns_url_values() -> dict:
    """Values for the authorisation matrix's returns URLs."""
    run = ValidationRun.objects.first() or ValidationRun.objects.create(
        kind="cin", collection_year=2026, requested_by=UserFactory(role=Role.PERFORMANCE_ANALYST)
    )
    return {"run_id": run.pk, "kind": "cin", "year": "2025-26"}
