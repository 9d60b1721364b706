"""OC2: outcomes for children looked after continuously for 12 months at 31 March.

A child counts when their period of care began on or before 1 April and was still
open on 31 March (the validator's CONTINUOUSLY_LOOKED_AFTER test). The health
assessment, teeth check and immunisations are "1" when one was recorded in the year;
the SDQ is the latest in the year. HEALTH_CHECK (a development check in the year) is
for children under 5 at 31 March and CONVICTED (a conviction in the year) for those 10
or over, blank for the others (rules 543, 545 and their converses); SUBSTANCE_MISUSE is
"1" when a problem was identified in the year, and then the intervention was received
or, if not, offered (the later items blank otherwise, as the rules ask).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Q

from kinfolio.children_in_care.models import (
    Conviction,
    DentalCheck,
    DevelopmentCheck,
    HealthAssessment,
    Immunisations,
    PeriodOfCare,
    SDQScore,
    SubstanceMisuse,
)

if TYPE_CHECKING:
    from kinfolio.returns.ssda903.export import Chunk, Row


def _latest_by_child(queryset, date_field: str) -> dict[int, dict]:
    latest: dict[int, dict] = {}
    for row in queryset.order_by(date_field, "pk"):
        latest[row["child_id"]] = row
    return latest


def _yes_no(flag: bool | None) -> str:
    return "" if flag is None else str(int(flag))


def _in_year(model, date_field: str, children: list[int], in_year) -> set[int]:
    return set(
        model.objects.filter(
            child_id__in=children, **{f"{date_field}__range": in_year}
        ).values_list("child_id", flat=True)
    )


def oc2_rows(chunk: Chunk) -> Iterable[Row]:
    year = chunk.year
    in_year = (year.start, year.end)
    continuous = list(
        PeriodOfCare.objects.filter(child_id__in=chunk.ids, start_date__lte=year.start)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=year.end))
        .order_by("child__local_id")
        .values_list("child_id", flat=True)
    )
    if not continuous:
        return
    health = _in_year(HealthAssessment, "assessment_date", continuous, in_year)
    teeth = _in_year(DentalCheck, "check_date", continuous, in_year)
    development = _in_year(DevelopmentCheck, "check_date", continuous, in_year)
    convicted = _in_year(Conviction, "convicted_on", continuous, in_year)
    misuse = _latest_by_child(
        SubstanceMisuse.objects.filter(
            child_id__in=continuous, identified_on__range=in_year
        ).values("child_id", "intervention_received", "intervention_offered"),
        "identified_on",
    )
    immunised = _latest_by_child(
        Immunisations.objects.filter(child_id__in=continuous, checked_on__range=in_year).values(
            "child_id", "up_to_date"
        ),
        "checked_on",
    )
    sdq = _latest_by_child(
        SDQScore.objects.filter(child_id__in=continuous, completed_date__range=in_year).values(
            "child_id", "score", "reason_not_completed"
        ),
        "completed_date",
    )
    for child_id in continuous:
        score = sdq.get(child_id, {})
        immunisation = immunised.get(child_id)
        born = chunk.people[child_id]["date_of_birth"]
        age = year.end.year - born.year - ((year.end.month, year.end.day) < (born.month, born.day))
        problem = misuse.get(child_id, {})
        yield {
            **chunk.child(child_id),
            "SDQ_SCORE": "" if score.get("score") is None else str(score["score"]),
            "SDQ_REASON": score.get("reason_not_completed", ""),
            "CONVICTED": _yes_no(child_id in convicted) if age >= 10 else "",
            "HEALTH_CHECK": _yes_no(child_id in development) if age < 5 else "",
            "IMMUNISATIONS": "1" if immunisation and immunisation["up_to_date"] else "0",
            "TEETH_CHECK": "1" if child_id in teeth else "0",
            "HEALTH_ASSESSMENT": "1" if child_id in health else "0",
            "SUBSTANCE_MISUSE": _yes_no(bool(problem)),
            "INTERVENTION_RECEIVED": _yes_no(problem.get("intervention_received")),
            "INTERVENTION_OFFERED": _yes_no(problem.get("intervention_offered")),
        }
