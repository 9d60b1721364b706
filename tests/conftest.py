import pytest
from hypothesis import HealthCheck, settings

from kinfolio.accounts.models import Role, User
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, D, ServiceFactory, TeamFactory, WorkerFactory

# The suite runs on a shared two-core machine (CI): a slow moment there is not a fault
# in a property, so Hypothesis's timing checks (health check too_slow, per-example
# deadline) are off; its other health checks stay on.
settings.register_profile("kinfolio", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("kinfolio")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher
    (tests/accounts/test_passwords.py checks the real setting)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def documents_in_tmp(tmp_path, monkeypatch):
    """Uploaded documents go to the test's own folder, never the project's var/media."""
    from django.core.files.storage import FileSystemStorage

    from kinfolio.casework.models import Document

    field = Document._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "media"))


@pytest.fixture(autouse=True)
def audit_anchors_in_a_temporary_directory(settings, tmp_path):
    """Each test's access log is anchored in its own directory (test databases start
    their log again; the demo's anchors under var/ are never touched)."""
    settings.KINFOLIO_AUDIT_ANCHOR_DIR = tmp_path / "audit-anchors"


@pytest.fixture
def make_user(db):
    """A signed-in-able user in a role, optionally linked to a worker."""

    def make(role: str = Role.SOCIAL_WORKER, *, worker=None, **fields) -> User:
        user = User.objects.create_user(
            username=fields.pop("username", f"{role}-{User.objects.count()}"),
            password="a-long-test-password",
            role=role,
            **fields,
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
    in_care = TeamFactory(
        service=ServiceFactory(name="Children in care"), team_type="children_in_care"
    )
    our_worker = WorkerFactory(team=safeguarding)
    their_worker = WorkerFactory(team=in_care)
    ours = ChildFactory(
        given_name="Amara",
        family_name="Okafor",
        nhs_number="9990000018",
        date_of_birth=D(2016, 3, 31),
    )
    theirs = ChildFactory(given_name="Jakub", family_name="Nowak")
    Allocation.objects.create(
        child=ours,
        role="social_worker",
        team=safeguarding,
        worker=our_worker,
        start_date=D(2025, 1, 6),
    )
    Allocation.objects.create(
        child=theirs,
        role="social_worker",
        team=in_care,
        worker=their_worker,
        start_date=D(2025, 2, 3),
    )
    return {
        "worker": our_worker,
        "other_worker": their_worker,
        "ours": ours,
        "theirs": theirs,
        "team": safeguarding,
    }


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """The tests sharing the generated demo authority (a package fixture that takes
    minutes) run on one pytest-xdist worker, in order, so it is generated once.

    Tests that need a real PostgreSQL server are left out (deselected, and said so)
    when the suite runs on SQLite; `make test` runs them in its PostgreSQL pass."""
    from django.db import connection

    for item in items:
        if item.nodeid.startswith(("tests/demo_authority/", "tests/test_reference_data.py")):
            item.add_marker(pytest.mark.xdist_group("demo_authority"))
    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if "postgresql_only" not in item.keywords]
    left_out = [item for item in items if "postgresql_only" in item.keywords]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook
def pytest_xdist_node_collection_finished(node, ids):
    """Stop at once when pytest-xdist did not group the demo authority's tests (a pytest
    it does not yet follow): every worker would make the demo authority, and the run
    would take twice as long without a word said."""
    if node.config.getvalue("dist") != "loadgroup":
        return
    lost = [nodeid for nodeid in ids if nodeid.startswith("tests/demo_authority/")]
    lost = [nodeid for nodeid in lost if not nodeid.endswith("@demo_authority")]
    if lost:
        pytest.exit(f"pytest-xdist left {len(lost)} tests out of their group: {lost[0]}", 1)
