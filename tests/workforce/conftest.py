import pytest

from kinfolio.accounts.models import Role
from tests.factories import ChildFactory, ServiceFactory, TeamFactory, WorkerFactory
from tests.factories_accounts import staff


@pytest.fixture
def teams(db):
    """An assessment team, a locality team and a children in care team, each with a
    manager who signs in, and a child the assessment team holds with no worker yet."""
    safeguarding = ServiceFactory(name="Safeguarding")
    assessment = TeamFactory(name="Assessment team", service=safeguarding, team_type="front_door")
    locality = TeamFactory(name="Locality team", service=safeguarding)
    in_care = TeamFactory(name="Children in care team", service=safeguarding)
    managers = {}
    for key, team in (("assessment", assessment), ("locality", locality), ("in_care", in_care)):
        user = staff(Role.TEAM_MANAGER, team=team, email=f"{key}@council.example")
        team.manager = user.worker
        team.save()
        managers[key] = user
    return {
        "assessment": assessment,
        "locality": locality,
        "in_care": in_care,
        "managers": managers,
        "child": ChildFactory(given_name="Mia", family_name="Hart"),
    }


def worker_in(team, number: int, **fields):
    return WorkerFactory(team=team, registration_number=f"SW{number}", **fields)
