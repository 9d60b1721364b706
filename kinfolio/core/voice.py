"""The child's voice: the one rule every assessment, visit, conference, plan and review
follows, and the counts the performance pages read.

A record holds the child's views in their words, or a reason from
``CHILDS_VOICE_NOT_RECORDED`` with an explanation. Services call
``validate_childs_voice`` before writing; nothing else checks it.
"""

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet

from kinfolio.codesets.local import CHILDS_VOICE_NOT_RECORDED
from kinfolio.core.models import VoiceStatus

# The same test as ChildsVoice.voice_status, as a query.
RECORDED = ~Q(childs_views__regex=r"^\s*$")
WITH_REASON = (
    ~RECORDED
    & ~Q(childs_views_not_recorded_code="")
    & ~Q(childs_views_not_recorded_reason__regex=r"^\s*$")
)
KNOWN = (VoiceStatus.RECORDED, VoiceStatus.NOT_RECORDED_WITH_REASON)
VOICE_STATUS_Q: dict[VoiceStatus, Q] = {
    VoiceStatus.RECORDED: RECORDED,
    VoiceStatus.NOT_RECORDED_WITH_REASON: WITH_REASON,
    VoiceStatus.MISSING: ~RECORDED & ~WITH_REASON,
}


def validate_childs_voice(*, views: str, not_recorded_code: str, not_recorded_reason: str) -> None:
    """Refuse a record without the child's views or a reason (with an explanation)."""
    if views.strip():
        return
    errors = {}
    if not not_recorded_code:
        errors["childs_views"] = (
            "Enter the child's views, or select why they are not recorded and explain"
        )
    elif CHILDS_VOICE_NOT_RECORDED.get(not_recorded_code) is None:
        errors["childs_views_not_recorded_code"] = "Select a reason from the list"
    elif not not_recorded_reason.strip():
        errors["childs_views_not_recorded_reason"] = (
            "Explain why the child's views are not recorded"
        )
    if errors:
        raise ValidationError(errors)


def voice_status_counts(records: QuerySet) -> dict[VoiceStatus, int]:
    """How many of these records hold the child's voice, a reason, or neither (one query;
    neither is the rest, so each record's text is tested as few times as it can be)."""
    found = records.order_by().aggregate(
        all=Count("pk"),
        **{status.value: Count("pk", filter=VOICE_STATUS_Q[status]) for status in KNOWN},
    )
    counts = {status: found[status.value] for status in KNOWN}
    return {**counts, VoiceStatus.MISSING: found["all"] - sum(counts.values())}


def with_voice_status(records: QuerySet, status: VoiceStatus) -> QuerySet:
    """The records behind one of ``voice_status_counts``' figures (for drill-down)."""
    return records.filter(VOICE_STATUS_Q[status])
