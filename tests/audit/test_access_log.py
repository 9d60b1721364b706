import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from kinfolio.audit.models import AccessLogEntry, AccessLogHead
from kinfolio.audit.services import record_access, verify_chain
from kinfolio.audit.services.access_log import GENESIS, entry_hash
from tests.factories import ChildFactory
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    user = UserFactory()
    child = ChildFactory()
    entries = [
        record_access(by=user, action="view_record", child=child),
        record_access(by=user, action="search", query="Sam Child"),
        record_access(by=user, action="export", child=child, object_ref="SAR bundle"),
        record_access(action="sign_in_failed", username="mallory"),
        record_access(by=user, action="view_record", child=child),
    ]
    return entries


def _sql(statement: str, params: list) -> None:
    """Change the table directly, as the database's owner could: on PostgreSQL only
    after disabling the trigger that refuses changes (tests/audit/test_access_log_anchors)."""
    table = connection.ops.quote_name(AccessLogEntry._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending events: ALTER may run
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER access_log_append_only")
        cursor.execute(statement.format(table=table), params)
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER access_log_append_only")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_record_access_chains_each_entry_to_the_one_before(chain):
    assert chain[0].previous_hash == GENESIS
    assert [e.sequence for e in chain] == [1, 2, 3, 4, 5]
    for before, after in zip(chain, chain[1:], strict=False):
        assert after.previous_hash == before.entry_hash
    assert AccessLogHead.objects.get().entry_hash == chain[-1].entry_hash


def test_record_access_copies_who_and_what(chain):
    entry = AccessLogEntry.objects.get(sequence=1)
    assert entry.username == chain[0].user.username
    assert entry.role == "social_worker"
    assert entry.object_ref == entry.child.local_id
    assert AccessLogEntry.objects.get(sequence=4).username == "mallory"


def test_record_access_refuses_an_unknown_action():
    with pytest.raises(ValueError, match="Unknown"):
        record_access(action="peek")


def test_verify_chain_passes_an_untouched_log(chain):
    report = verify_chain()
    assert report.ok
    assert report.checked == 5
    call_command("verify_access_log")


def test_verify_chain_passes_an_empty_log():
    assert verify_chain().ok


def test_verify_chain_detects_an_altered_field(chain):
    _sql("UPDATE {table} SET query = %s WHERE sequence = %s", ["someone else", 2])
    report = verify_chain()
    assert report.first_break.sequence == 2
    assert "altered" in report.first_break.problem
    with pytest.raises(CommandError, match="entry 2"):
        call_command("verify_access_log")


def test_verify_chain_detects_an_altered_timestamp(chain):
    _sql("UPDATE {table} SET reason = %s WHERE sequence = %s", ["just curious", 3])
    assert verify_chain().first_break.sequence == 3


def test_verify_chain_detects_a_deleted_row(chain):
    _sql("DELETE FROM {table} WHERE sequence = %s", [3])
    report = verify_chain()
    assert report.first_break.sequence == 4
    assert "missing" in report.first_break.problem
    with pytest.raises(CommandError):
        call_command("verify_access_log")


def test_verify_chain_detects_deleted_newest_rows(chain):
    _sql("DELETE FROM {table} WHERE sequence >= %s", [4])
    report = verify_chain()
    assert not report.ok
    assert "newest removed" in report.first_break.problem


def test_verify_chain_detects_a_forged_row_inserted_with_a_plausible_hash(chain, settings):
    # A forger with database access renumbers the rows after 2 and inserts a row that
    # links correctly, hashed without the key (plain SHA-256 or a guessed key).
    real_key = settings.KINFOLIO_AUDIT_KEY
    settings.KINFOLIO_AUDIT_KEY = "the forger does not know the real key"
    forged = AccessLogEntry(
        sequence=3,
        at=chain[2].at,
        username="forger",
        role="director",
        action="view_record",
        previous_hash=chain[1].entry_hash,
    )
    forged.entry_hash = entry_hash(forged)
    settings.KINFOLIO_AUDIT_KEY = real_key
    _sql("UPDATE {table} SET sequence = sequence + 100 WHERE sequence >= %s", [3])
    _sql("UPDATE {table} SET sequence = sequence - 99 WHERE sequence >= %s", [100])
    forged.save(force_insert=True)
    report = verify_chain()
    assert report.first_break.sequence == 3
    assert "forged" in report.first_break.problem


def test_access_log_entries_cannot_be_changed_through_the_orm(chain):
    entry = AccessLogEntry.objects.get(sequence=1)
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AccessLogEntry.objects.filter(sequence=1).update(reason="x")
    with pytest.raises(TypeError):
        AccessLogEntry.objects.all().delete()
