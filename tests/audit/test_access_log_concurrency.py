"""Concurrent writers never wait on one another, and concurrent sealers never fork the
chain (PostgreSQL: run by `make test-postgres`)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections

from kinfolio.audit.models import AccessLogEntry, AccessLogSeal
from kinfolio.audit.services import access_log, record_access, seal_all_pending, verify_chain
from tests.factories_accounts import UserFactory

WRITERS, EACH = 4, 10


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql_only  # SQLite's in-memory test database cannot be shared by threads
def test_concurrent_writers_and_sealers_keep_one_unbroken_chain(monkeypatch):
    monkeypatch.setattr(access_log, "SEAL_EVERY", 3)  # writers seal as they go, racing
    user = UserFactory()

    def write(n: int) -> None:
        try:
            for i in range(EACH):
                record_access(by=user, action="search", query=f"writer {n} search {i}")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(write, range(WRITERS)))
    seal_all_pending()
    assert AccessLogEntry.objects.count() == WRITERS * EACH
    sequences = list(AccessLogSeal.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, len(sequences) + 1))
    assert len(sequences) > 1
    report = verify_chain()
    assert report.ok
    assert report.checked == WRITERS * EACH
