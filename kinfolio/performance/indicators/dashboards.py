"""Dashboards: the headline indicators for the authority, a service or a team, each
against its target, and the plans' indicators for the director."""

from __future__ import annotations

from kinfolio.performance.indicators import catalogue
from kinfolio.performance.indicators.engine import compute_all
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.indicators.targets import Judged, judge, targets_for
from kinfolio.workforce.models import Service, Team

HEADLINES = (
    "referrals",
    "re_referrals",
    "assessments_45wd",
    "icpc_15wd",
    "cp_plans",
    "cp_second_or_subsequent",
    "cp_reviewed_on_time",
    "cp_visits_on_time",
    "looked_after",
    "three_or_more_placements",
    "long_term_stability",
    "childrens_homes",
    "placed_out_of_area",
    "lac_reviews_on_time",
    "health_assessments",
    "initial_health_assessments_28wd",
    "peps_in_date",
    "care_leavers_eet_19_21",
    "care_leavers_accommodation_19_21",
    "adoption_a2",
    "unallocated",
    "caseload_per_worker",
    "agency_social_workers",
    "childs_voice",
)


def headlines(
    period: Period, *, team: Team | None = None, service: Service | None = None
) -> list[Judged]:
    indicators = [catalogue.get(indicator_id) for indicator_id in HEADLINES]
    figures = compute_all(indicators, period, team=team, service=service)
    return judge(figures, targets_for(period))
