"""Indicators of section 47 enquiries, child protection conferences and plans (the DfE's
"Characteristics of children in need" release)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import CharField, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat

from kinfolio import codesets
from kinfolio.performance.indicators.base import (
    Context,
    Counted,
    Indicator,
    Polarity,
    Row,
    Unit,
    rows_of,
)
from kinfolio.performance.indicators.safeguarding import CIN_RELEASE, LOCAL
from kinfolio.performance.indicators.selection import happened, happening, on_time, open_on
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    Section47Enquiry,
)
from kinfolio.protection.models.conferences import INITIAL, TRANSFER_IN
from kinfolio.timescales.engine import add_months
from kinfolio.timescales.models import StoredClock

ICPC_OUTCOME = "icpc"  # S47_OUTCOME
# A plan "lasting two years or more" lasted more than 729 days counting the day it
# ended (the DfE's definition, LAIT CPPlans2yrs).
TWO_YEARS_DAYS = 729
REVIEW_RULES = ("rcpc_first_3m", "rcpc_subsequent_6m")
PLAN_SOURCE = "protection.childprotectionplan:"  # a plan's clocks' source: this and its pk
AREA = "Child protection"


s47_started = happening(Section47Enquiry, "start_date")
s47_ended = happening(Section47Enquiry, "end_date")
s47_ended_icpc = happening(Section47Enquiry, "end_date", outcome=ICPC_OUTCOME)
initial_conferences = happening(
    ChildProtectionConference, "conference_date", conference_type__in=(INITIAL, TRANSFER_IN)
)
plans_started = happening(ChildProtectionPlan, "start_date")
plans_ended = happening(ChildProtectionPlan, "end_date")


def plans_started_again(context: Context) -> list[Row]:
    """Plans started in the period for a child who had had a plan before, however long ago."""
    starts = defaultdict(list)
    started = happened(context, ChildProtectionPlan, "start_date")
    for child_id, day in ChildProtectionPlan.objects.filter(
        child__in=started.values("child_id")
    ).values_list("child_id", "start_date"):
        starts[child_id].append(day)
    return [
        row for row in plans_started(context) if any(day < row.on for day in starts[row.child_id])
    ]


def _plans_open(context: Context):
    return context.scoped(open_on(ChildProtectionPlan.objects.all(), context.period.end))


def plans_open(context: Context) -> list[Row]:
    return rows_of(_plans_open(context), on="start_date")


def plans_in_category(code: str):
    def measure(context: Context) -> list[Row]:
        return rows_of(_plans_open(context).filter(latest_category=code), on="start_date")

    return measure


def plans_ended_after_two_years(context: Context) -> list[Row]:
    ended = happened(context, ChildProtectionPlan, "end_date")
    lasted = [
        pk
        for pk, start, end in ended.values_list("pk", "start_date", "end_date")
        if (end - start).days + 1 > TWO_YEARS_DAYS
    ]
    return rows_of(ended.filter(pk__in=lasted), on="end_date")


def _plans_due_review(context: Context):
    """Plans open at the end of the period that had lasted at least three months."""
    return _plans_open(context).filter(start_date__lte=add_months(context.period.end, -3))


def plans_due_review(context: Context) -> list[Row]:
    return rows_of(_plans_due_review(context), on="start_date")


def plans_reviewed_on_time(context: Context) -> list[Row]:
    """Of those plans, the ones whose every review conference due by the end of the period
    was held by the date the timescales engine set for it (no stored review clock of the
    plan due by then and stopped late or not at all: one query, counted by the database)."""
    late = StoredClock.objects.filter(
        Q(stopped_on__isnull=True) | Q(stopped_on__gt=F("due_on")),
        rule__key__in=REVIEW_RULES,
        child=OuterRef("child_id"),
        source=Concat(Value(PLAN_SOURCE), Cast(OuterRef("pk"), CharField())),
        due_on__lte=context.period.end,
    )
    return rows_of(_plans_due_review(context).exclude(Exists(late)), on="start_date")


VISIT_NUMERATOR, VISIT_DENOMINATOR = on_time("cp_visit_10wd")
ICPC_NUMERATOR, ICPC_DENOMINATOR = on_time("icpc_15wd")
CORE_GROUP_NUMERATOR, CORE_GROUP_DENOMINATOR = on_time("core_group_first_10wd")


def _category_indicator(code: str, lait: str = "") -> Indicator:
    label = codesets.CP_CATEGORY_OF_ABUSE.label(code).split(" (")[0]
    return Indicator(
        id=f"cp_category_{code.lower()}",
        name=f"Child protection plans: {label.lower()}",
        definition="Of the children on a child protection plan at the end of the period, "
        f"the share whose latest category of abuse is {label.lower()} ({code}).",
        unit=Unit.PERCENT,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=plans_in_category(code),
        numerator_label=f"Plans under {label.lower()}",
        denominator=plans_open,
        denominator_label="Children on a plan",
        source=CIN_RELEASE,
        lait=lait,
        area=AREA,
    )


def _simple(**fields) -> Indicator:
    return Indicator(source=CIN_RELEASE, area=AREA, **fields)


INDICATORS = [
    _simple(
        id="s47_enquiries",
        name="Section 47 enquiries started",
        definition="Section 47 enquiries started in the period (each enquiry counted).",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=s47_started,
        numerator_label="Section 47 enquiries started",
    ),
    _simple(
        id="s47_rate",
        name="Section 47 enquiries per 10,000 children",
        definition="Section 47 enquiries started in the period per 10,000 children aged 0 to 17.",
        unit=Unit.RATE,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=s47_started,
        numerator_label="Section 47 enquiries started",
        lait="Section_47",
    ),
    _simple(
        id="s47_to_icpc",
        name="Section 47 enquiries leading to an initial conference",
        definition="Of the section 47 enquiries that ended in the period, the share whose "
        "outcome was an initial child protection conference.",
        unit=Unit.PERCENT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=s47_ended_icpc,
        numerator_label="Enquiries leading to a conference",
        denominator=s47_ended,
        denominator_label="Enquiries ended",
    ),
    _simple(
        id="icpc_rate",
        name="Initial child protection conferences per 10,000 children",
        definition="Initial and transfer-in child protection conferences held in the period "
        "per 10,000 children aged 0 to 17 (each conference counted).",
        unit=Unit.RATE,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=initial_conferences,
        numerator_label="Initial conferences",
        lait="ISCP_Conf",
    ),
    _simple(
        id="icpc_15wd",
        name="Initial conferences within 15 working days",
        definition="Of the initial conferences held in the period, the share held by the due "
        "date the timescales engine set: 15 working days from the strategy discussion that "
        "started the section 47 enquiry.",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=ICPC_NUMERATOR,
        numerator_label="Conferences held on time",
        denominator=ICPC_DENOMINATOR,
        denominator_label="Initial conferences held",
        lait="CP_conf_15days",
    ),
    _simple(
        id="cp_plans_started",
        name="Child protection plans started",
        definition="Child protection plans starting in the period (a child starting two "
        "plans counts twice; unborn children count).",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=plans_started,
        numerator_label="Plans started",
        lait="CPP_Abuse",
    ),
    _simple(
        id="cp_plans_started_rate",
        name="Child protection plans started per 10,000 children",
        definition="Child protection plans starting in the period per 10,000 children aged "
        "0 to 17.",
        unit=Unit.RATE,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=plans_started,
        numerator_label="Plans started",
        lait="CPP_Abuse_Rate",
    ),
    _simple(
        id="cp_plans",
        name="Children on a child protection plan",
        definition="Children on a child protection plan at the end of the last day of the "
        "period, unborn children included (a plan that ended that day is not counted).",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=plans_open,
        numerator_label="Children on a plan",
        lait="CPP_Num",
    ),
    _simple(
        id="cp_plan_rate",
        name="Children on a child protection plan per 10,000 children",
        definition="Children on a plan at the end of the period per 10,000 children aged 0 to 17.",
        unit=Unit.RATE,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=plans_open,
        numerator_label="Children on a plan",
        lait="CPP_rate",
    ),
    *(_category_indicator(code) for code in ("NEG", "EMO", "PHY", "SAB", "MUL")),
    _simple(
        id="cp_second_or_subsequent",
        name="Plans for a second or subsequent time",
        definition="Of the plans started in the period, the share for a child who had had a "
        "child protection plan before, however long ago.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=plans_started_again,
        numerator_label="Second or subsequent plans",
        denominator=plans_started,
        denominator_label="Plans started",
        lait="PrevRegCPR",
    ),
    _simple(
        id="cp_ended_two_years",
        name="Plans ending after 2 years or more",
        definition="Of the plans that ended in the period, the share that had lasted two "
        "years or more: more than 729 days counting the day the plan ended.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=plans_ended_after_two_years,
        numerator_label="Plans lasting 2 years or more",
        denominator=plans_ended,
        denominator_label="Plans ended",
        lait="CPPlans2yrs",
    ),
    _simple(
        id="cp_reviewed_on_time",
        name="Child protection plans reviewed on time",
        definition="Of the children on a plan at the end of the period who had been on it "
        "for at least 3 months, the share whose every review conference due by then was "
        "held by the date the timescales engine set (3 months from the plan, then 6 months "
        "from the last review).",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.AT_END,
        numerator=plans_reviewed_on_time,
        numerator_label="Plans reviewed on time",
        denominator=plans_due_review,
        denominator_label="Plans of 3 months or more",
        lait="RevCP",
    ),
    Indicator(
        id="cp_visits_on_time",
        name="Child protection visits on time",
        definition="Of the child protection visits due in the period that were made, the "
        "share made by the date the timescales engine set (10 working days from the plan or "
        "the last visit).",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=VISIT_NUMERATOR,
        numerator_label="Visits made on time",
        denominator=VISIT_DENOMINATOR,
        denominator_label="Visits made",
        source=LOCAL,
        area=AREA,
    ),
    Indicator(
        id="core_group_10wd",
        name="First core groups within 10 working days",
        definition="Of the first core group meetings held in the period, the share held by "
        "the date the timescales engine set (10 working days from the initial conference).",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=CORE_GROUP_NUMERATOR,
        numerator_label="Core groups on time",
        denominator=CORE_GROUP_DENOMINATOR,
        denominator_label="First core groups held",
        source=f"{LOCAL}; Working Together to Safeguard Children 2023",
        area=AREA,
    ),
]
