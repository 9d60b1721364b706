"""Lists 10 and 11: children with an adoption decision, and adopters."""

from collections.abc import Iterator

from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce

from kinfolio import codesets
from kinfolio.adoption.models import ADOPTER_STEPS, AdopterHousehold, AdoptionPlan
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.inspection.annex_a.formats import (
    GENDER,
    NO,
    YES,
    Period,
    child_columns,
    coded,
    disability,
)
from kinfolio.inspection.annex_a.queries import open_in, per_child
from kinfolio.inspection.annex_a.safeguarding import CHILD


# List 10: children adopted, waiting, or whose plan was reversed, in the period.
def adoption_plans(period: Period) -> QuerySet:
    return AdoptionPlan.objects.filter(
        Q(adoption_order_date__isnull=True) | Q(adoption_order_date__gte=period.start),
        Q(decision_reversed_date__isnull=True) | Q(decision_reversed_date__gte=period.start),
        adm_decision_date__lte=period.end,
    )


def _by_end(value, end):
    """A date only if it had happened by the end of the period."""
    return value if value is not None and value <= end else None


def adoption_rows(period: Period) -> Iterator[tuple]:
    qualifying = adoption_plans(period)
    entered_care = per_child(
        PeriodOfCare.objects.filter(start_date__lte=period.end), qualifying, Max("start_date")
    )
    fields = (*CHILD, "child_id", "adopters__reference", "adm_decision_date")
    fields += ("placement_order_date", "matched_date", "placed_date", "adoption_order_date")
    fields += ("decision_reversed_date", "reason_placed_ceased")
    end = period.end
    for row in qualifying.values(*fields).iterator():
        child = child_columns(row, period)
        reversed_on = _by_end(row["decision_reversed_date"], end)
        yield (
            child[0],
            row["adopters__reference"],
            *child[1:],
            disability(row["child__disabilities"]),
            entered_care.get(row["child_id"]),
            row["adm_decision_date"],
            _by_end(row["placement_order_date"], end),
            _by_end(row["matched_date"], end),
            _by_end(row["placed_date"], end),
            _by_end(row["adoption_order_date"], end),
            reversed_on,
            coded(codesets.REASON_PLACED_CEASED, row["reason_placed_ceased"])
            if reversed_on
            else None,
            None,  # fostering for adoption or concurrent placement date: not held
        )


# List 11: adopters in the process with the agency at any time in the period, from their
# first step (the enquiry) until they left it, whether approved or not: those who
# withdrew or were not approved before approval are listed with the day they left and
# why. One row per adopter.
STAGES = (
    "enquiry_date",
    "stage_1_started",
    "stage_1_ended",
    "stage_2_started",
    "stage_2_ended",
    "application_date",
)
LEAVING = dict(codesets.ADOPTER_LEAVING_REASON.choices)


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else (YES if value else NO)


def adopter_households(period: Period) -> QuerySet:
    # The steps are in date order (the model's constraints), so the first one recorded
    # is when the household came into the process.
    first_step = Coalesce(*(F(step) for step, _ in ADOPTER_STEPS))
    return AdopterHousehold.objects.annotate(first_step=first_step).filter(
        open_in(period, "first_step", "deregistered_on")
    )


def adopter_count(period: Period) -> int:
    """The number of individual adopters in the qualifying households."""
    return sum(adopter_households(period).values_list("number_of_adopters", flat=True))


def adopter_rows(period: Period) -> Iterator[tuple]:
    households = adopter_households(period).annotate(
        matched=Min("adoption_plans__matched_date"),
        placed=Min("adoption_plans__placed_date"),
        children=Count("adoption_plans", filter=Q(adoption_plans__placed_date__lte=period.end)),
        ordered=Min("adoption_plans__adoption_order_date"),
    )
    fields = ("reference", "number_of_adopters", "sex_of_adopters", "approval_date")
    fields += ("deregistered_on", "matched", "placed", "children", "ordered")
    fields += (*STAGES, "fostering_for_adoption", "leaving_reason")
    for row in households.values(*fields).iterator():
        # The SSDA903 sex of adopters code holds each adopter's sex: "MF" is a man and a woman.
        sexes = row["sex_of_adopters"][: row["number_of_adopters"]]
        left = _by_end(row["deregistered_on"], period.end)
        for number, sex in enumerate(sexes, start=1):
            yield (
                f"{row['reference']}-{number}",
                row["reference"],
                GENDER.get(sex, "c) Not stated/recorded"),
                None,  # adopters' ethnicity: not held
                None,  # adopters' disability: not held
                _yes_no(row["fostering_for_adoption"]),
                *(_by_end(row[stage], period.end) for stage in STAGES),
                _by_end(row["approval_date"], period.end),
                _by_end(row["matched"], period.end),
                _by_end(row["placed"], period.end),
                row["children"] or None,
                _by_end(row["ordered"], period.end),
                left,
                LEAVING.get(row["leaving_reason"]) if left else None,
            )
