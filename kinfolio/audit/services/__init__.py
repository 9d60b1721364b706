"""Writes for the audit app: the access log, change history and restricted records."""

from kinfolio.audit.services.access_log import record_access, seal_all_pending
from kinfolio.audit.services.history import FieldChange, changes, record_event, snapshot
from kinfolio.audit.services.restrictions import break_glass, restrict_record
from kinfolio.audit.services.verification import ChainReport, verify_chain

__all__ = [
    "ChainReport",
    "FieldChange",
    "break_glass",
    "changes",
    "record_access",
    "record_event",
    "restrict_record",
    "seal_all_pending",
    "snapshot",
    "verify_chain",
]
