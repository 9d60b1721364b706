"""The access log's head is anchored outside the database, so deleting the newest rows
and rewinding the head row is detected; PostgreSQL refuses UPDATE and DELETE outright."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from kinfolio.audit.models import AccessLogEntry, AccessLogHead
from kinfolio.audit.services import record_access, verify_chain
from tests.audit.test_access_log import _sql
from tests.factories_accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anchored_log(django_capture_on_commit_callbacks):
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


def test_each_committed_entry_is_anchored_and_verifies(anchored_log, settings):
    lines = _anchor_lines(settings)
    assert [line.split()[1:] for line in lines] == [
        [str(e.sequence), e.entry_hash] for e in anchored_log
    ]
    assert verify_chain().ok
    call_command("verify_access_log")


def test_an_entry_rolled_back_is_not_anchored(settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        record_access(action="sign_in_failed", username="mallory")
    assert _anchor_lines(settings) == []


def test_truncate_and_rewind_is_detected(anchored_log):
    # Someone with the database deletes the two newest rows and rewinds the head to match:
    # what is left is a valid chain; only the anchors outside the database show the gap.
    _sql("DELETE FROM {table} WHERE sequence >= %s", [4])
    AccessLogHead.objects.update(sequence=3, entry_hash=anchored_log[2].entry_hash)
    report = verify_chain()
    assert not report.ok
    assert "entry 5, anchored outside the database" in report.first_break.problem
    assert "head rewound" in report.first_break.problem
    with pytest.raises(CommandError, match="head rewound"):
        call_command("verify_access_log")


def test_a_replaced_anchored_row_is_detected(anchored_log):
    _sql("UPDATE {table} SET entry_hash = %s WHERE sequence = %s", ["f" * 64, 5])
    AccessLogHead.objects.update(entry_hash="f" * 64)
    assert "does not match its anchor" in verify_chain().first_break.problem


def test_anchor_command_appends_the_head(anchored_log, settings):
    call_command("anchor_access_log")
    assert _anchor_lines(settings)[-1].split()[1:] == ["5", anchored_log[-1].entry_hash]
    assert verify_chain().ok


@pytest.mark.postgresql_only
def test_postgresql_refuses_update_and_delete_of_log_rows(anchored_log):
    table = connection.ops.quote_name(AccessLogEntry._meta.db_table)
    for statement in (
        f"UPDATE {table} SET reason = 'rewritten' WHERE sequence = 1",
        f"DELETE FROM {table} WHERE sequence >= 4",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert AccessLogEntry.objects.count() == 5
