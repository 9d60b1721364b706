"""Who looked at what, who changed what, and which records are restricted.

- ``AccessLogEntry``: every view, search, export, break-glass and sign-in, in an
  append-only log, each entry keyed-hashed and sealed in batches into a hash chain
  of ``AccessLogSeal`` rows (``audit.services.access_log``).
- ``ChangeEvent``: one row per changed field of a case record, written by services.
- ``RestrictedRecord``, ``BreakGlassGrant``: records only named people may open, and
  the logged emergency access to them (notified through ``kinfolio.notifications``).
- ``RetentionRule``: how long each category of record is kept before it is reviewed.
"""

from kinfolio.audit.models.access_log import AccessAction, AccessLogEntry, AccessLogSeal
from kinfolio.audit.models.changes import ChangeEvent
from kinfolio.audit.models.restrictions import BreakGlassGrant, RestrictedRecord
from kinfolio.audit.models.retention import RecordCategory, RetentionRule

__all__ = [
    "AccessAction",
    "AccessLogEntry",
    "AccessLogSeal",
    "BreakGlassGrant",
    "ChangeEvent",
    "RecordCategory",
    "RestrictedRecord",
    "RetentionRule",
]
