import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from kinfolio.audit.models import AccessLogEntry, AccessLogSeal
from kinfolio.audit.services import record_access, seal_all_pending, verify_chain
from kinfolio.audit.services.access_log import GENESIS, entry_hash, sealed_hash
from tests.factories import ChildFactory
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def log():
    """Five entries: the first three sealed, the last two written since."""
    user = UserFactory()
    child = ChildFactory()
    entries = [
        record_access(by=user, action="view_record", child=child),
        record_access(by=user, action="search", query="Sam Child"),
        record_access(by=user, action="export", child=child, object_ref="SAR bundle"),
    ]
    seal_all_pending()
    entries += [
        record_access(action="sign_in_failed", username="mallory"),
        record_access(by=user, action="view_record", child=child),
    ]
    return entries


def _sql(statement: str, params: list, model=AccessLogEntry) -> None:
    """Change the table directly, as the database's owner could: on PostgreSQL only
    after disabling the trigger that refuses changes (tests/audit/test_access_log_anchors)."""
    table = connection.ops.quote_name(model._meta.db_table)
    trigger = "access_log_append_only" if model is AccessLogEntry else "access_log_seal_append_only"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending events: ALTER may run
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        cursor.execute(statement.format(table=table), params)
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_record_access_writes_one_row_hashed_on_its_own(django_assert_num_queries):
    user = UserFactory()
    with django_assert_num_queries(1):
        entry = record_access(by=user, action="search", query="Sam")
    assert entry.entry_hash == entry_hash(AccessLogEntry.objects.get(pk=entry.pk))


def test_seal_pending_chains_each_batch_to_the_seal_before(log):
    assert seal_all_pending() == 1
    first, second = AccessLogSeal.objects.order_by("sequence")
    assert (first.after_id, first.last_id, first.count, first.previous_hash) == (
        0,
        log[2].pk,
        3,
        GENESIS,
    )
    assert (second.after_id, second.last_id, second.count) == (log[2].pk, log[4].pk, 2)
    assert second.previous_hash == first.seal_hash
    rows = [(e.pk, e.entry_hash) for e in log[3:]]
    assert second.seal_hash == sealed_hash(second, rows)
    assert seal_all_pending() == 0  # nothing left to seal


def test_the_entry_numbered_a_multiple_of_seal_every_seals_its_batch_on_commit(
    monkeypatch, django_capture_on_commit_callbacks
):
    from kinfolio.audit.services import access_log

    user = UserFactory()
    first = record_access(by=user, action="search", query="Sam")
    monkeypatch.setattr(access_log, "SEAL_EVERY", first.pk + 2)
    with django_capture_on_commit_callbacks(execute=True):
        record_access(by=user, action="search", query="Sam")
    assert not AccessLogSeal.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        last = record_access(by=user, action="search", query="Sam")
    assert AccessLogSeal.objects.get().last_id == last.pk


def test_a_seal_that_fails_on_commit_does_not_fail_the_logged_page(
    monkeypatch, django_capture_on_commit_callbacks
):
    from kinfolio.audit.services import access_log

    def fails():
        raise DatabaseError("database is locked")

    monkeypatch.setattr(access_log, "SEAL_EVERY", 1)
    monkeypatch.setattr(access_log, "seal_pending", fails)
    with django_capture_on_commit_callbacks(execute=True):
        entry = record_access(action="sign_in_failed", username="mallory")
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()
    assert verify_chain().ok  # not sealed yet: its own hash and anchor cover it


def test_record_access_copies_who_and_what(log):
    entry = AccessLogEntry.objects.get(pk=log[0].pk)
    assert entry.username == log[0].user.username
    assert entry.role == "social_worker"
    assert entry.object_ref == entry.child.local_id
    assert AccessLogEntry.objects.get(pk=log[3].pk).username == "mallory"


def test_record_access_refuses_an_unknown_action():
    with pytest.raises(ValueError, match="Unknown"):
        record_access(action="peek")


def test_verify_chain_passes_an_untouched_log(log):
    report = verify_chain()
    assert report.ok
    assert (report.checked, report.sealed) == (5, 1)
    seal_all_pending()
    assert verify_chain().sealed == 2
    call_command("verify_access_log")


def test_verify_chain_passes_an_empty_log():
    assert verify_chain().ok


@pytest.mark.parametrize("position", [1, 3])  # sealed, and written since the last seal
def test_verify_chain_detects_an_altered_field(log, position):
    _sql("UPDATE {table} SET query = %s WHERE id = %s", ["someone else", log[position].pk])
    report = verify_chain()
    assert report.first_break.entry_id == log[position].pk
    assert "altered" in report.first_break.problem
    with pytest.raises(CommandError, match=f"entry {log[position].pk}"):
        call_command("verify_access_log")


def test_verify_chain_detects_an_altered_timestamp(log):
    _sql("UPDATE {table} SET at = %s WHERE id = %s", ["2020-01-01 00:00:00", log[2].pk])
    assert verify_chain().first_break.entry_id == log[2].pk


def test_verify_chain_detects_a_deleted_sealed_row(log):
    _sql("DELETE FROM {table} WHERE id = %s", [log[1].pk])
    report = verify_chain()
    assert not report.ok
    assert "seal 1" in report.first_break.problem
    assert "missing" in report.first_break.problem
    with pytest.raises(CommandError):
        call_command("verify_access_log")


def test_verify_chain_detects_deleted_newest_sealed_rows(log):
    seal_all_pending()
    _sql("DELETE FROM {table} WHERE id >= %s", [log[3].pk])
    report = verify_chain()
    assert "seal 2" in report.first_break.problem
    assert "missing" in report.first_break.problem


def test_verify_chain_detects_a_removed_seal(log):
    seal_all_pending()
    _sql("DELETE FROM {table} WHERE sequence = 1", [], model=AccessLogSeal)
    assert "does not follow the seal before it" in verify_chain().first_break.problem


def test_verify_chain_detects_a_reordered_sealed_row(log):
    # Swapping two sealed entries' numbers keeps each row's own hash valid: the seal,
    # which hashed each entry's number with its hash, does not.
    first, second = log[0].pk, log[1].pk
    _sql("UPDATE {table} SET id = %s WHERE id = %s", [-1, first])
    _sql("UPDATE {table} SET id = %s WHERE id = %s", [first, second])
    _sql("UPDATE {table} SET id = %s WHERE id = %s", [second, -1])
    assert "seal 1" in verify_chain().first_break.problem


def test_verify_chain_detects_a_forged_row_inserted_with_a_plausible_hash(log, settings):
    # A forger with database access inserts a row hashed without the key (plain
    # SHA-256 or a guessed key).
    real_key = settings.KINFOLIO_AUDIT_KEY
    settings.KINFOLIO_AUDIT_KEY = "the forger does not know the real key"
    forged = AccessLogEntry(at=log[4].at, username="forger", role="director", action="view_record")
    forged.entry_hash = entry_hash(forged)
    settings.KINFOLIO_AUDIT_KEY = real_key
    forged.save(force_insert=True)
    report = verify_chain()
    assert report.first_break.entry_id == forged.pk
    assert "forged" in report.first_break.problem


def test_an_entry_committed_after_its_batch_was_sealed_verifies(log):
    # A sealer does not see an entry whose transaction has not committed yet: it seals
    # the batch without it, noting its number as missing; the entry, committed later,
    # is verified by its own hash.
    from kinfolio.audit.services.access_log import _seal

    rows = [(e.pk, e.entry_hash) for e in log[4:]]  # log[3] not yet committed
    late = _seal(AccessLogSeal.objects.get(), log[2].pk, rows)
    late.save(force_insert=True)
    assert [e.pk in late.missing_ids for e in log[2:]] == [False, True, False]
    report = verify_chain()
    assert report.ok
    assert (report.checked, report.sealed) == (5, 2)


def test_access_log_rows_cannot_be_changed_through_the_orm(log):
    entry = AccessLogEntry.objects.get(pk=log[0].pk)
    seal = AccessLogSeal.objects.get()
    for row in (entry, seal):
        with pytest.raises(TypeError):
            row.save()
        with pytest.raises(TypeError):
            row.delete()
    for model in (AccessLogEntry, AccessLogSeal):
        with pytest.raises(TypeError):
            model.objects.filter(pk=1).update(missing="x")
        with pytest.raises(TypeError):
            model.objects.all().delete()


def test_an_entry_of_the_first_one_by_one_chain_verifies_and_is_sealed(log):
    from django.utils import timezone

    old = AccessLogEntry(
        sequence=1, at=timezone.now(), username="u", action="search", previous_hash=GENESIS
    )
    old.entry_hash = entry_hash(old)
    old.save(force_insert=True)
    assert verify_chain().ok
    seal_all_pending()
    assert verify_chain().ok
    _sql("UPDATE {table} SET sequence = 2 WHERE id = %s", [old.pk])  # its place was hashed
    assert verify_chain().first_break.entry_id == old.pk
