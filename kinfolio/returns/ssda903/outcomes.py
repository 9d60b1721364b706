"""OC2: outcomes for children looked after continuously for 12 months at 31 March.

A child counts when their period of care began on or before 1 April and was still
open on 31 March (the validator's CONTINUOUSLY_LOOKED_AFTER test). The health
assessment, teeth check and immunisations are "1" when one was recorded in the year;
the SDQ is the latest in the year. HEALTH_CHECK (under-fives' development checks) is
not recorded by Kinfolio and is left blank.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Q

from kinfolio.children_in_care.models import (
    DentalCheck,
    HealthAssessment,
    Immunisations,
    PeriodOfCare,
    SDQScore,
)

if TYPE_CHECKING:
    from kinfolio.returns.ssda903.export import Chunk, Row


def _latest_by_child(queryset, date_field: str) -> dict[int, dict]:
    latest: dict[int, dict] = {}
    for row in queryset.order_by(date_field, "pk"):
        latest[row["child_id"]] = row
    return latest


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
    health = set(
        HealthAssessment.objects.filter(
            child_id__in=continuous, assessment_date__range=in_year
        ).values_list("child_id", flat=True)
    )
    teeth = set(
        DentalCheck.objects.filter(child_id__in=continuous, check_date__range=in_year).values_list(
            "child_id", flat=True
        )
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
        yield {
            **chunk.child(child_id),
            "SDQ_SCORE": "" if score.get("score") is None else str(score["score"]),
            "SDQ_REASON": score.get("reason_not_completed", ""),
            "CONVICTED": "",
            "HEALTH_CHECK": "",
            "IMMUNISATIONS": "1" if immunisation and immunisation["up_to_date"] else "0",
            "TEETH_CHECK": "1" if child_id in teeth else "0",
            "HEALTH_ASSESSMENT": "1" if child_id in health else "0",
            "SUBSTANCE_MISUSE": "",
            "INTERVENTION_RECEIVED": "",
            "INTERVENTION_OFFERED": "",
        }
