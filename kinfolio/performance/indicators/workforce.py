"""Indicators of allocation, caseloads, the workforce and the child's voice."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from kinfolio.assessments.models import Assessment
from kinfolio.casework.models import Visit
from kinfolio.children_in_care.models import LACReview, PeriodOfCare
from kinfolio.core.models import VoiceStatus
from kinfolio.core.voice import voice_status_counts, with_voice_status
from kinfolio.performance.indicators.base import (
    Context,
    Counted,
    Indicator,
    Polarity,
    Row,
    Rows,
    Unit,
    rows_of,
)
from kinfolio.performance.indicators.selection import in_period, open_on
from kinfolio.protection.models import ChildProtectionConference, ChildProtectionPlan
from kinfolio.referrals.models import CINEpisode
from kinfolio.workforce.models import Allocation, Worker

WORKFORCE_RELEASE = "DfE, Children's social work workforce (annual census)"
SOCIAL_WORKER = "social_worker"  # ALLOCATION_ROLE
AREA = "Workforce, allocation and the child's voice"


def _open_children(context: Context, *without: Exists):
    """The ids of the children open to social care at the end of the period: a child in
    need episode, a child protection plan or a period of care open then (each table's
    open records, except those matching ``without``, united by the database: no person
    is tested one by one)."""
    end = context.period.end
    parts = [
        context.scoped(records).exclude(*without).values_list("child_id", flat=True)
        for records in (
            open_on(CINEpisode.objects.order_by(), end, "referral_date", "close_date"),
            open_on(ChildProtectionPlan.objects.order_by(), end),
            open_on(PeriodOfCare.objects.order_by(), end),
        )
    ]
    return parts[0].union(*parts[1:])


def _person_rows(child_ids) -> Rows:
    """One row per child of ``child_ids`` (counted by the database)."""

    def read(found) -> list[Row]:
        return [Row(f"people.person:{pk}", None, child_id=pk) for pk in sorted(found)]

    return Rows((child_ids, read, None))


def open_children(context: Context) -> Rows:
    return _person_rows(_open_children(context))


def unallocated(context: Context) -> Rows:
    allocated = open_on(
        Allocation.objects.filter(
            child=OuterRef("child_id"), role=SOCIAL_WORKER, worker__isnull=False
        ),
        context.period.end,
    )
    return _person_rows(_open_children(context, Exists(allocated)))


def _cases(context: Context):
    cases = open_on(
        Allocation.objects.filter(role=SOCIAL_WORKER, worker__is_qualified_social_worker=True),
        context.period.end,
    )
    return cases.filter(**context.teams())


def cases(context: Context) -> list[Row]:
    return rows_of(_cases(context), on="start_date")


def _in_post(context: Context):
    end = context.period.end
    workers = Worker.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=end),
        is_qualified_social_worker=True,
        start_date__lte=end,
    )
    return workers.filter(**context.teams())


def _worker_rows(workers) -> Rows:
    def read(found) -> list[Row]:
        return [
            Row(f"workforce.worker:{pk}", started, worker_id=pk, value=float(fte))
            for pk, started, fte in found.order_by("pk").values_list("pk", "start_date", "fte")
        ]

    return Rows((workers, read, "fte"))


def case_holders(context: Context) -> list[Row]:
    return _worker_rows(_in_post(context).filter(pk__in=_cases(context).values("worker_id")))


def social_workers(context: Context) -> list[Row]:
    return _worker_rows(_in_post(context))


def agency_social_workers(context: Context) -> list[Row]:
    return _worker_rows(_in_post(context).filter(is_agency=True))


# The records on which the child's own views are expected: assessments completed,
# conferences and looked after reviews held, and visits at which the child was seen.
VOICE_RECORDS = (
    (Assessment, "authorised_date", {}),
    (ChildProtectionConference, "conference_date", {}),
    (LACReview, "review_date", {}),
    (Visit, "visit_date", {"seen": True}),
)


def _voice_records(context: Context):
    """Each kind of record on which the child's views are expected, in the period, with
    the day it is counted on."""
    for model, day, extra in VOICE_RECORDS:
        yield context.scoped(in_period(model.objects.filter(**extra), day, context.period)), day


def _voice_counts(context: Context) -> dict[VoiceStatus | None, int]:
    """How many records hold the child's views, a reason, or neither (``None``: all of
    them), counted once for the indicators sharing them: one query a kind of record."""

    def count() -> dict[VoiceStatus | None, int]:
        totals: dict[VoiceStatus | None, int] = dict.fromkeys([None, *VoiceStatus], 0)
        for found, _ in _voice_records(context):
            for status, n in voice_status_counts(found).items():
                totals[status] += n
                totals[None] += n
        return totals

    return context.memo("voice_counts", count)


def _voice(context: Context, status: VoiceStatus | None) -> Rows:
    parts = []
    for found, day in _voice_records(context):
        if status is not None:
            found = with_voice_status(found, status)
        parts.append(rows_of(found, on=day))
    return Rows.joined(*parts, total=_voice_counts(context)[status])


def voice_expected(context: Context) -> list[Row]:
    return _voice(context, None)


def voice_recorded(context: Context) -> list[Row]:
    return _voice(context, VoiceStatus.RECORDED)


def voice_missing(context: Context) -> list[Row]:
    return _voice(context, VoiceStatus.MISSING)


INDICATORS = [
    Indicator(
        id="unallocated",
        name="Children without an allocated social worker",
        definition="Of the children open to social care at the end of the period (a child "
        "in need episode, child protection plan or period of care open then), the share "
        "with no social worker allocated then.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=unallocated,
        numerator_label="Children without a social worker",
        denominator=open_children,
        denominator_label="Children open to social care",
        source="Kinfolio local measure (Ofsted asks for unallocated cases on day one of an "
        "inspection)",
        area=AREA,
    ),
    Indicator(
        id="caseload_per_worker",
        name="Average caseload per social worker",
        definition="Children allocated to a qualified social worker at the end of the "
        "period, divided by the full-time equivalent of the qualified social workers in post "
        "who hold at least one of them.",
        unit=Unit.AVERAGE,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=cases,
        numerator_label="Cases held",
        denominator=case_holders,
        denominator_label="Case-holding social workers (FTE)",
        source=WORKFORCE_RELEASE,
        lait="Work_Force_AvgNumCase_SW",
        area=AREA,
        about="cases and workers",
    ),
    Indicator(
        id="agency_social_workers",
        name="Agency social workers",
        definition="Of the qualified social workers in post at the end of the period (full-"
        "time equivalent), the share employed through an agency.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=agency_social_workers,
        numerator_label="Agency social workers (FTE)",
        denominator=social_workers,
        denominator_label="Social workers in post (FTE)",
        source=WORKFORCE_RELEASE,
        lait="Work_Force_Agecy_Rate",
        area=AREA,
        about="workers",
    ),
    Indicator(
        id="childs_voice",
        name="The child's views recorded",
        definition="Of the assessments completed, child protection conferences and looked "
        "after reviews held, and visits at which the child was seen in the period, the "
        "share on which the child's own views are recorded.",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=voice_recorded,
        numerator_label="Records with the child's views",
        denominator=voice_expected,
        denominator_label="Records where the child's views are expected",
        source="Kinfolio local measure (Ofsted, 2012: the child's voice not recorded)",
        area=AREA,
        about="records",
    ),
    Indicator(
        id="childs_voice_missing",
        name="The child's views missing without a reason",
        definition="Of the same records, the share holding neither the child's views nor "
        "a reason (from the list, with an explanation) why they could not be gathered.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=voice_missing,
        numerator_label="Records with neither views nor a reason",
        denominator=voice_expected,
        denominator_label="Records where the child's views are expected",
        source="Kinfolio local measure (Ofsted, 2012: the child's voice not recorded)",
        area=AREA,
        about="records",
    ),
]
