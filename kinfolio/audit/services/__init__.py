"""Writes for the audit app: the access log, change history and restricted records."""

from kinfolio.audit.services.access_log import ChainReport, record_access, verify_chain
from kinfolio.audit.services.history import FieldChange, changes, record_event, snapshot
from kinfolio.audit.services.restrictions import break_glass, restrict_record

__all__ = [
    "ChainReport",
    "FieldChange",
    "break_glass",
    "changes",
    "record_access",
    "record_event",
    "restrict_record",
    "snapshot",
    "verify_chain",
]
