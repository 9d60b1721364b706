"""Indicators of care leavers (SSDA903 OC3) and adoption (the adoption scorecard's A1
and A2, and the DfE's "Children looked after in England including adoptions")."""

from __future__ import annotations

from django.db.models import ExpressionWrapper, IntegerField, OuterRef, Subquery
from django.db.models.functions import ExtractYear

from kinfolio.adoption.models import AdoptionPlan
from kinfolio.care_leavers.models import NO_ACTIVITY_WHEN, CareLeaverContact
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare
from kinfolio.codesets.care_leavers import accommodation_is_suitable
from kinfolio.performance.indicators.base import (
    Context,
    Counted,
    Indicator,
    Polarity,
    Row,
    Unit,
    rows_of,
)
from kinfolio.performance.indicators.looked_after import CLA_RELEASE, ceased
from kinfolio.performance.indicators.selection import in_period

IN_EET = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")  # CARE_LEAVER_ACTIVITY
ADOPTED = ("E11", "E12")  # REASON_EPISODE_CEASED
SCORECARD = "DfE, Adoption scorecards (A1 and A2), from the SSDA903"
AREA = "Care leavers and adoption"
UNCHECKED = (
    "Those who died or returned to their parents are left out because the SSDA903 records "
    "no activity or accommodation for them; Kinfolio has not found the DfE's methodology "
    "stating which care leavers its published percentages leave out, so this is not "
    "checked against it."
)


def _leavers(ages: tuple[int, ...]):
    """Care leavers whose 17th to 21st birthday (those in ``ages``) fell in the period,
    leaving out those who died or went home to their parents for 6 months or more."""

    def cohort(context: Context):
        found = in_period(CareLeaverContact.objects.all(), "birthday", context.period)
        found = found.annotate(
            age=ExpressionWrapper(
                ExtractYear("birthday") - ExtractYear("child__date_of_birth"),
                output_field=IntegerField(),
            )
        )
        return context.scoped(found.filter(age__in=ages).exclude(in_touch__in=NO_ACTIVITY_WHEN))

    return cohort


def _leaver_measures(ages: tuple[int, ...]):
    cohort = _leavers(ages)

    def all_of_them(context: Context) -> list[Row]:
        return rows_of(cohort(context), on="birthday")

    def in_eet(context: Context) -> list[Row]:
        return rows_of(cohort(context).filter(activity__in=IN_EET), on="birthday")

    def suitably_housed(context: Context) -> list[Row]:
        found = cohort(context)
        suitable = [
            pk
            for pk, code in found.values_list("pk", "accommodation")
            if accommodation_is_suitable(code)
        ]
        return rows_of(found.filter(pk__in=suitable), on="birthday")

    return all_of_them, in_eet, suitably_housed


def _adopted(context: Context):
    return context.scoped(
        in_period(AdoptionPlan.objects.all(), "adoption_order_date", context.period)
    )


def days_care_to_placed(context: Context) -> list[Row]:
    """A1: days from entering care (the period of care the child was placed from) to
    moving in with the adoptive family."""
    entered = PeriodOfCare.objects.filter(
        child=OuterRef("child_id"), start_date__lte=OuterRef("placed_date")
    ).order_by("-start_date")
    found = (
        _adopted(context)
        .filter(placed_date__isnull=False)
        .annotate(entered=Subquery(entered.values("start_date")[:1]))
    )
    return _days(found.filter(entered__isnull=False), "entered", "placed_date")


def placed_from_care(context: Context) -> list[Row]:
    return [row._replace(value=1) for row in days_care_to_placed(context)]


def days_order_to_match(context: Context) -> list[Row]:
    """A2: days from the court's authority to place (the placement order) to the match."""
    found = _adopted(context).filter(placement_order_date__isnull=False, matched_date__isnull=False)
    return _days(found, "placement_order_date", "matched_date")


def matched_after_order(context: Context) -> list[Row]:
    return [row._replace(value=1) for row in days_order_to_match(context)]


def _days(found, start: str, end: str) -> list[Row]:
    rows = []
    for row, (began, ended) in zip(
        rows_of(found, on="adoption_order_date"),
        found.order_by("adoption_order_date", "pk").values_list(start, end),
        strict=True,
    ):
        rows.append(row._replace(value=(ended - began).days))
    return rows


def ceased_adopted(context: Context) -> list[Row]:
    ended = in_period(
        CareEpisode.objects.filter(reason_ceased__in=ADOPTED), "end_date", context.period
    )
    children = set(
        context.scoped(ended, child="period__child").values_list("period__child_id", flat=True)
    )
    return [row for row in ceased(context) if row.child_id in children]


def _leaver_indicators(
    ages: tuple[int, ...], lait_eet: str = "", lait_accommodation: str = ""
) -> list[Indicator]:
    cohort, in_eet, housed = _leaver_measures(ages)
    words = f"{ages[0]} to {ages[-1]}" if len(ages) > 2 else f"{ages[0]} or {ages[-1]}"
    denominator = f"Care leavers who turned {words}"
    common = {
        "unit": Unit.PERCENT,
        "polarity": Polarity.HIGH,
        "counted": Counted.IN_PERIOD,
        "denominator": cohort,
        "denominator_label": denominator,
        "source": CLA_RELEASE,
        "area": AREA,
    }
    about = (
        f"Of the care leavers whose {words} birthday fell in the period (leaving out those "
        "who had died or returned to their parents for 6 months or more), the share"
    )
    return [
        Indicator(
            id=f"care_leavers_eet_{ages[0]}_{ages[-1]}",
            name=f"Care leavers aged {words} in education, employment or training",
            definition=f"{about} in education, employment or training around that birthday. "
            f"{UNCHECKED}",
            numerator=in_eet,
            numerator_label="In education, employment or training",
            lait=lait_eet,
            **common,
        ),
        Indicator(
            id=f"care_leavers_accommodation_{ages[0]}_{ages[-1]}",
            name=f"Care leavers aged {words} in suitable accommodation",
            definition=f"{about} whose accommodation around that birthday was suitable. "
            f"{UNCHECKED}",
            numerator=housed,
            numerator_label="In suitable accommodation",
            lait=lait_accommodation,
            **common,
        ),
    ]


INDICATORS = [
    *_leaver_indicators((17, 18)),
    *_leaver_indicators((19, 20, 21), "CareLeaverEET", "CareLeaverAcc"),
    Indicator(
        id="adoption_a1",
        name="A1: days from entering care to moving in with the adoptive family",
        definition="For the children adopted in the period, the average number of days from "
        "starting to be looked after (the period of care they were placed from) to being "
        "placed with their adopters. (The scorecard counts a foster carer adoption from the "
        "day the child moved in with the carers; Kinfolio counts from the adoptive placement.)",
        unit=Unit.AVERAGE,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=days_care_to_placed,
        numerator_label="Total days",
        denominator=placed_from_care,
        denominator_label="Children adopted",
        source=SCORECARD,
        area=AREA,
    ),
    Indicator(
        id="adoption_a2",
        name="A2: days from placement order to match",
        definition="For the children adopted in the period, the average number of days from "
        "the court's placement order to the match with adopters.",
        unit=Unit.AVERAGE,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=days_order_to_match,
        numerator_label="Total days",
        denominator=matched_after_order,
        denominator_label="Children adopted after a placement order",
        source=SCORECARD,
        area=AREA,
    ),
    Indicator(
        id="adopted",
        name="Children who ceased to be looked after through adoption",
        definition="Of the children who ceased to be looked after in the period (counted "
        "once, the last time, leaving out periods of care that ended under an agreed series "
        "of short-term placements, legal status V3 or V4, as the DfE does), the share who "
        "ceased because they were adopted (reasons E11, E12).",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=ceased_adopted,
        numerator_label="Children adopted",
        denominator=ceased,
        denominator_label="Children who ceased to be looked after",
        source=CLA_RELEASE,
        lait="%_of LAC Adopted",
        area=AREA,
    ),
]
