"""The registry of clocks: for each rule key, the function that finds its clocks in the
records of a set of children.

A clock function takes the bulk-loaded ``CaseRecords`` and the ``RuleBook`` and yields
every clock of its rules for those children, stopped or still running. A clock whose
work was overtaken (an enquiry that ended without a conference) is not yielded. One
function may serve several keys (first, second and later reviews are one chain).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from kinfolio.timescales.engine import Clock, RuleBook
from kinfolio.timescales.records import CaseRecords

ClockFunction = Callable[[CaseRecords, RuleBook], Iterable[Clock]]


def first_on_or_after(
    days: list[dt.date], start: dt.date, end: dt.date | None = None
) -> dt.date | None:
    """The first of the sorted ``days`` on or after ``start`` (and by ``end``)."""
    i = bisect.bisect_left(days, start)
    if i == len(days) or (end is not None and days[i] > end):
        return None
    return days[i]


def within(days: Iterable[dt.date], start: dt.date, end: dt.date | None) -> list[dt.date]:
    return sorted({d for d in days if d >= start and (end is None or d <= end)})


def chain(
    book: RuleBook,
    *,
    child_id: int,
    anchor: dt.date,
    events: list[dt.date],
    key_for: Callable[[int, dt.date], str],
    still_open: bool,
    source: str,
    **extra,
) -> Iterator[Clock]:
    """Clocks from ``anchor`` to the first event, then from each event to the next; the
    last runs on while ``still_open``. ``key_for(i, start)`` picks the rule of the i-th
    clock (0 for the one from the anchor)."""
    starts = [anchor, *events]
    for i, start in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else None
        if stop is None and not still_open:
            return
        clock = book.clock(key_for(i, start), child_id, start, stop, source, **extra)
        if clock is not None:
            yield clock


def _registry() -> dict[str, ClockFunction | None]:
    from kinfolio.timescales import care_clocks as care
    from kinfolio.timescales import safeguarding_clocks as sg

    return {
        "contact_decision_1wd": sg.contact_decisions,
        "referrer_informed_3wd": sg.referrers_informed,
        "assessment_45wd": sg.assessments,
        "icpc_15wd": sg.initial_conferences,
        "core_group_first_10wd": sg.first_core_groups,
        "rcpc_first_3m": sg.review_conferences,
        "rcpc_subsequent_6m": sg.review_conferences,
        "cp_visit_10wd": sg.cp_visits,
        "conference_invitations_5wd": sg.conference_paperwork,
        "conference_reports_2wd": sg.conference_paperwork,
        "conference_minutes_15wd": sg.conference_paperwork,
        "lac_review_first_20wd": care.lac_reviews,
        "lac_review_second_3m": care.lac_reviews,
        "lac_review_subsequent_6m": care.lac_reviews,
        "lac_visit_first_1w": care.lac_visits,
        "lac_visit_first_year_6w": care.lac_visits,
        "lac_visit_3m": care.lac_visits,
        "lac_visit_long_term_6m": care.lac_visits,
        "initial_health_assessment_20wd": care.initial_health_assessments,
        "initial_health_assessment_28wd": care.initial_health_assessments,
        "review_health_assessment_under5_6m": care.review_health_assessments,
        "review_health_assessment_5plus_12m": care.review_health_assessments,
        "pep_20sd": care.first_peps,
        "return_interview_72h": care.return_interviews,
        "pathway_plan_16_3m": care.pathway_plans,
        "pathway_plan_review_6m": care.pathway_plan_reviews,
        "private_fostering_first_visit_7wd": care.private_fostering_visits,
        "private_fostering_visit_first_year_6w": care.private_fostering_visits,
        "private_fostering_visit_12w": care.private_fostering_visits,
        # Kinfolio does not record care proceedings yet: the rule is kept, no clock runs.
        "care_proceedings_26w": None,
    }


REGISTRY: dict[str, ClockFunction | None] = {}


def registry() -> dict[str, ClockFunction | None]:
    if not REGISTRY:
        REGISTRY.update(_registry())
    return REGISTRY


def compute(records: CaseRecords, book: RuleBook, keys: Iterable[str] | None = None) -> list[Clock]:
    """Every clock of the wanted rules (all by default) for the records' children."""
    wanted = set(registry() if keys is None else keys)
    functions: list[ClockFunction] = []
    for key in wanted:
        function = registry().get(key)
        if function is not None and function not in functions:
            functions.append(function)
    return [
        clock
        for function in functions
        for clock in function(records, book)
        if clock.rule.key in wanted
    ]
