"""Each committed entry and seal is anchored outside the database, so deleting the
newest rows (and seals), or an entry before it was sealed, is detected; PostgreSQL
refuses UPDATE and DELETE outright."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from kinfolio.audit.models import AccessLogEntry, AccessLogSeal
from kinfolio.audit.services import access_log, record_access, seal_all_pending, verify_chain
from tests.audit.test_access_log import _sql
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anchored_log(django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(access_log, "SEAL_EVERY", 10**9)  # the tests seal when they mean to
    user = UserFactory()
    entries = []
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            entries.append(record_access(by=user, action="search", query="Sam"))
    return entries


def _anchor_lines(settings) -> list[str]:
    return [
        line
        for path in sorted(settings.KINFOLIO_AUDIT_ANCHOR_DIR.glob("*.anchors"))
        for line in path.read_text().splitlines()
    ]


def _seal(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        seal_all_pending()


def test_each_committed_entry_is_anchored_and_verifies(anchored_log, settings):
    lines = _anchor_lines(settings)
    assert [line.split()[1:] for line in lines] == [
        ["entry", str(e.pk), e.entry_hash] for e in anchored_log
    ]
    assert verify_chain().ok
    call_command("verify_access_log")


def test_an_entry_rolled_back_is_not_anchored(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        record_access(action="sign_in_failed", username="mallory")
    assert _anchor_lines(settings) == []


def test_truncate_is_detected_before_the_entries_are_sealed(anchored_log):
    # Someone with the database deletes the two newest rows, not yet sealed: what is
    # left verifies; only the anchors outside the database show the gap.
    _sql("DELETE FROM {table} WHERE id >= %s", [anchored_log[3].pk])
    report = verify_chain()
    assert not report.ok
    problem = f"entry {anchored_log[4].pk}, anchored outside the database"
    assert problem in report.first_break.problem
    with pytest.raises(CommandError, match="removed"):
        call_command("verify_access_log")


def test_truncate_and_removing_the_seal_is_detected(
    anchored_log, django_capture_on_commit_callbacks
):
    _seal(django_capture_on_commit_callbacks)
    _sql("DELETE FROM {table} WHERE id >= %s", [anchored_log[3].pk])
    _sql("DELETE FROM {table}", [], model=AccessLogSeal)
    report = verify_chain()
    assert "anchored outside the database" in report.first_break.problem
    assert "removed" in report.first_break.problem


def test_an_entry_removed_before_it_was_sealed_is_detected(
    anchored_log, django_capture_on_commit_callbacks
):
    # The seal made afterwards finds the entry missing, as it would one not yet
    # committed; but the entry was anchored when it committed.
    _sql("DELETE FROM {table} WHERE id = %s", [anchored_log[2].pk])
    _seal(django_capture_on_commit_callbacks)
    missing = AccessLogSeal.objects.get().missing_ids
    assert [e.pk in missing for e in anchored_log] == [False, False, True, False, False]
    problem = verify_chain().first_break.problem
    assert f"entry {anchored_log[2].pk}, anchored outside the database" in problem


def test_a_replaced_anchored_row_is_detected(anchored_log):
    _sql("UPDATE {table} SET entry_hash = %s WHERE id = %s", ["f" * 64, anchored_log[4].pk])
    assert "does not match its anchor" in verify_chain().first_break.problem


def test_anchor_command_seals_and_appends_the_last_seal(anchored_log, settings):
    call_command("anchor_access_log")
    seal = AccessLogSeal.objects.get()
    assert seal.last_id == anchored_log[-1].pk
    assert _anchor_lines(settings)[-1].split()[1:] == ["seal", "1", seal.seal_hash]
    assert verify_chain().ok


def test_anchors_of_the_first_one_by_one_chain_are_still_read(anchored_log, settings):
    # Lines "<time> <sequence> <hash>" anchored entries of the log's first form; one
    # whose entry is gone is reported.
    path = sorted(settings.KINFOLIO_AUDIT_ANCHOR_DIR.glob("*.anchors"))[0]
    with open(path, "a") as f:
        f.write(f"2026-11-30T09:00:00+00:00 7 {'a' * 64}\n")
    problem = verify_chain().first_break.problem
    assert "sequence 7, anchored outside the database" in problem


@pytest.mark.postgresql_only
def test_postgresql_refuses_update_and_delete_of_log_rows_and_seals(
    anchored_log, django_capture_on_commit_callbacks
):
    _seal(django_capture_on_commit_callbacks)
    for model, column in ((AccessLogEntry, "reason"), (AccessLogSeal, "missing")):
        table = connection.ops.quote_name(model._meta.db_table)
        for statement in (
            f"UPDATE {table} SET {column} = 'rewritten'",
            f"DELETE FROM {table}",
        ):
            with (
                pytest.raises(DatabaseError, match="append-only"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(statement)
    assert AccessLogEntry.objects.count() == 5
    assert AccessLogSeal.objects.count() == 1
