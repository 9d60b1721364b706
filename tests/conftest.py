import pytest

from kinfolio.accounts.models import Role, User
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, D, ServiceFactory, TeamFactory, WorkerFactory


@pytest.fixture
def make_user(db):
    """A signed-in-able user in a role, optionally linked to a worker."""

    def make(role: str = Role.SOCIAL_WORKER, *, worker=None, **fields) -> User:
        user = User.objects.create_user(
            username=fields.pop("username", f"{role}-{User.objects.count()}"),
            password="a-long-test-password", role=role, **fields,
        )
        if worker is not None:
            worker.user = user
            worker.save(update_fields=["user"])
        return user

    return make


@pytest.fixture
def two_services(db):
    """A locality team in Safeguarding and a team in another service, each holding a child."""
    safeguarding = TeamFactory(service=ServiceFactory(name="Safeguarding"))
    in_care = TeamFactory(service=ServiceFactory(name="Children in care"),
                          team_type="children_in_care")
    our_worker = WorkerFactory(team=safeguarding)
    their_worker = WorkerFactory(team=in_care)
    ours = ChildFactory(given_name="Amara", family_name="Okafor", nhs_number="9990000018",
                        date_of_birth=D(2016, 3, 31))
    theirs = ChildFactory(given_name="Jakub", family_name="Nowak")
    Allocation.objects.create(child=ours, role="social_worker", team=safeguarding,
                              worker=our_worker, start_date=D(2025, 1, 6))
    Allocation.objects.create(child=theirs, role="social_worker", team=in_care,
                              worker=their_worker, start_date=D(2025, 2, 3))
    return {"worker": our_worker, "other_worker": their_worker, "ours": ours,
            "theirs": theirs, "team": safeguarding}
