"""Concurrent writers must not fork the chain (PostgreSQL: run by `make test-postgres`)."""

from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext

import pytest
from django.db import connections

from kinfolio.audit.models import AccessLogEntry
from kinfolio.audit.services import access_log, record_access, verify_chain
from tests.factories_accounts import UserFactory

WRITERS, EACH = 4, 10


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql_only  # SQLite's in-memory test database cannot be shared by threads
def test_concurrent_record_access_keeps_one_unbroken_chain(monkeypatch):
    # Only the database's lock may serialise the writers, as between server processes.
    monkeypatch.setattr(access_log, "_process_lock", nullcontext())
    user = UserFactory()

    def write(n: int) -> None:
        try:
            for i in range(EACH):
                record_access(by=user, action="search", query=f"writer {n} search {i}")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(write, range(WRITERS)))
    sequences = list(AccessLogEntry.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, WRITERS * EACH + 1))
    assert verify_chain().ok
