"""Indicators of the front door, referrals, assessments and children in need (the DfE's
"Characteristics of children in need" release, from the children in need census)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.db.models.functions import TruncDate

from kinfolio.assessments.models import Assessment
from kinfolio.front_door.models import Contact
from kinfolio.performance.indicators.base import (
    Context,
    Counted,
    Indicator,
    Polarity,
    Row,
    Unit,
    rows_of,
)
from kinfolio.performance.indicators.selection import (
    YearBefore,
    happened,
    happening,
    moments_in_period,
    on_time,
    open_on,
)
from kinfolio.referrals.models import REFERRAL, CINEpisode

CIN_RELEASE = "DfE, Characteristics of children in need (children in need census)"
ANNEX_A = "Ofsted, ILACS Annex A (list 1, contacts); the DfE does not collect contacts"
LOCAL = "Kinfolio local measure, from the timescales engine's due dates"


def _contacts(context: Context):
    received = moments_in_period(Contact.objects.all(), "received_at", context.period)
    return context.scoped(received.annotate(received_on=TruncDate("received_at")))


def contacts(context: Context) -> list[Row]:
    return rows_of(_contacts(context), on="received_on")


def contacts_to_referral(context: Context) -> list[Row]:
    return rows_of(_contacts(context).filter(decision=REFERRAL), on="received_on")


referrals = happening(CINEpisode, "referral_date")
referrals_nfa = happening(CINEpisode, "referral_date", nfa=True)
assessments = happening(Assessment, "authorised_date")
assessments_nfa = happening(Assessment, "authorised_date", outcome_nfa=True)


def re_referrals(context: Context) -> list[Row]:
    """Referrals with an earlier referral of the same child on or after the same date
    twelve months before: a referral exactly 12 months after the last is a re-referral."""
    earlier = CINEpisode.objects.filter(
        child_id=OuterRef("child_id"),
        referral_date__lt=OuterRef("referral_date"),
        referral_date__gte=YearBefore(OuterRef("referral_date")),
    )
    return rows_of(
        happened(context, CINEpisode, "referral_date").filter(Exists(earlier)), on="referral_date"
    )


def children_in_need(context: Context) -> list[Row]:
    open_episodes = open_on(
        CINEpisode.objects.all(), context.period.end, start="referral_date", end="close_date"
    )
    return rows_of(context.scoped(open_episodes), on="referral_date")


ASSESSMENT_NUMERATOR, ASSESSMENT_DENOMINATOR = on_time("assessment_45wd")
DECISION_NUMERATOR, DECISION_DENOMINATOR = on_time("contact_decision_1wd")

AREA = "Front door, referrals and assessments"
INDICATORS = [
    Indicator(
        id="contacts",
        name="Contacts received",
        definition="Every contact about a child received by the front door in the period, "
        "counted once per contact (a child contacted about twice counts twice).",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=contacts,
        numerator_label="Contacts received",
        source=ANNEX_A,
        area=AREA,
    ),
    Indicator(
        id="contacts_to_referral",
        name="Contacts that became referrals",
        definition="Of the contacts received in the period, the share the front door "
        "decided to refer to children's social care.",
        unit=Unit.PERCENT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=contacts_to_referral,
        numerator_label="Contacts decided as referrals",
        denominator=contacts,
        denominator_label="Contacts received",
        source=ANNEX_A,
        area=AREA,
    ),
    Indicator(
        id="contact_decision_1wd",
        name="Contacts decided within 1 working day",
        definition="Of the contacts decided in the period, the share decided by the due "
        "date the timescales engine set (1 working day from the contact, skipping weekends "
        "and bank holidays).",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=DECISION_NUMERATOR,
        numerator_label="Contacts decided on time",
        denominator=DECISION_DENOMINATOR,
        denominator_label="Contacts decided",
        source=f"{LOCAL}; Working Together to Safeguard Children 2023",
        area=AREA,
    ),
    Indicator(
        id="referrals",
        name="Referrals",
        definition="Referrals to children's social care with a referral date in the period. "
        "If a child is referred more than once, each referral is counted; referrals of "
        "unborn children count.",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=referrals,
        numerator_label="Referrals",
        source=CIN_RELEASE,
        lait="CPP_Total_NumRef",
        area=AREA,
    ),
    Indicator(
        id="referral_rate",
        name="Referrals per 10,000 children",
        definition="Referrals in the period per 10,000 children aged 0 to 17 living in the "
        "authority (the latest recorded population estimate).",
        unit=Unit.RATE,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=referrals,
        numerator_label="Referrals",
        source=CIN_RELEASE,
        lait="CPP_Total_Rateper10,000",
        area=AREA,
    ),
    Indicator(
        id="re_referrals",
        name="Re-referrals within 12 months",
        definition="Of the referrals in the period, the share made within 12 months of a "
        "previous referral of the same child (a previous referral on or after the same date "
        "a year before counts, so one exactly 12 months earlier does).",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=re_referrals,
        numerator_label="Re-referrals",
        denominator=referrals,
        denominator_label="Referrals",
        source=CIN_RELEASE,
        lait="ReReferral",
        area=AREA,
    ),
    Indicator(
        id="referrals_nfa",
        name="Referrals closed with no further action",
        definition="Of the referrals in the period, the share recorded as needing no "
        "further action.",
        unit=Unit.PERCENT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=referrals_nfa,
        numerator_label="Referrals with no further action",
        denominator=referrals,
        denominator_label="Referrals",
        source=CIN_RELEASE,
        lait="CIN_Refferals_NFA",
        area=AREA,
    ),
    Indicator(
        id="assessments_completed",
        name="Assessments completed",
        definition="Child and family assessments authorised (completed) in the period.",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=assessments,
        numerator_label="Assessments completed",
        source=CIN_RELEASE,
        area=AREA,
    ),
    Indicator(
        id="assessments_45wd",
        name="Assessments completed within 45 working days",
        definition="Of the assessments completed in the period, the share authorised by the "
        "due date the timescales engine set: 45 working days from the referral, skipping "
        "weekends and bank holidays.",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=ASSESSMENT_NUMERATOR,
        numerator_label="Assessments completed on time",
        denominator=ASSESSMENT_DENOMINATOR,
        denominator_label="Assessments completed",
        source=CIN_RELEASE,
        lait="Continue_Assess_Comp",
        area=AREA,
    ),
    Indicator(
        id="assessments_nfa",
        name="Assessments ending in no further action",
        definition="Of the assessments completed in the period, the share whose outcome "
        "was no further action.",
        unit=Unit.PERCENT,
        polarity=Polarity.NEITHER,
        counted=Counted.IN_PERIOD,
        numerator=assessments_nfa,
        numerator_label="Assessments ending in no further action",
        denominator=assessments,
        denominator_label="Assessments completed",
        source=CIN_RELEASE,
        area=AREA,
    ),
    Indicator(
        id="children_in_need",
        name="Children in need at the end of the period",
        definition="Children with a child in need episode open at the end of the last day "
        "of the period (an episode closed that day is not counted).",
        unit=Unit.COUNT,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=children_in_need,
        numerator_label="Children in need",
        source=CIN_RELEASE,
        area=AREA,
    ),
    Indicator(
        id="cin_rate",
        name="Children in need per 10,000 children",
        definition="Children in need at the end of the period per 10,000 children aged 0 to 17.",
        unit=Unit.RATE,
        polarity=Polarity.NEITHER,
        counted=Counted.AT_END,
        numerator=children_in_need,
        numerator_label="Children in need",
        source=CIN_RELEASE,
        lait="CIN",
        area=AREA,
    ),
]
