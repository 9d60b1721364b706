"""Clocks of looked after children, care leavers and privately fostered children:
reviews, statutory visits, health assessments, PEPs, return home interviews, pathway
plans and private fostering visits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from kinfolio.care_leavers.models import birthday_in
from kinfolio.timescales.clocks import chain, first_on_or_after, within
from kinfolio.timescales.engine import Clock, RuleBook
from kinfolio.timescales.records import CaseRecords

NEW_PLACEMENT = ("S", "P", "T", "B", "U")  # REASON_NEW_EPISODE codes that start a placement
LONG_TERM_FOSTERING = ("U1", "U4")  # PLACEMENT_TYPE: long-term fostering
PEP_AGES = range(5, 16)  # compulsory school age at the start of the period of care
CARE_LEAVER_UNTIL = 21  # no pathway plan clock is left running past this age
ELIGIBLE_AFTER_DAYS = 91  # 13 weeks looked after since the 14th birthday make a child eligible


def _age(born: dt.date | None, on: dt.date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def a_year_after(day: dt.date) -> dt.date:
    return birthday_in(day, day.year + 1)


def _periods(records: CaseRecords) -> Iterator[tuple[int, int, dt.date, dt.date | None]]:
    for child_id, rows in records.periods.items():
        for _, pk, start, end in rows:
            yield child_id, pk, start, end


def lac_reviews(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """First review within 20 working days of becoming looked after, the second within
    3 months of the first, then every 6 months, while the period of care lasts."""
    keys = ("lac_review_first_20wd", "lac_review_second_3m", "lac_review_subsequent_6m")
    for child_id, pk, start, end in _periods(records):
        held = [r[3] for r in records.lac_reviews.get(child_id, ()) if r[2] == pk and r[3]]
        yield from chain(
            book,
            child_id=child_id,
            anchor=start,
            events=within(held, start, end),
            key_for=lambda i, _: keys[min(i, 2)],
            still_open=end is None,
            source=f"children_in_care.periodofcare:{pk}",
        )


def _placements(records: CaseRecords, child_id: int, start: dt.date, end: dt.date | None):
    """(start, end, placement type) of each placement in a period of care."""
    episodes = [
        e
        for e in records.care_episodes.get(child_id, ())
        if e[2] >= start and (end is None or e[2] <= end)
    ]
    starts = [e for e in episodes if e[4] in NEW_PLACEMENT]
    for i, episode in enumerate(starts):
        until = starts[i + 1][2] if i + 1 < len(starts) else end
        yield episode[2], until, episode[5]


def lac_visits(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """A visit within a week of each placement, then every 6 weeks in its first year,
    then every 3 months (6 months in long-term fostering)."""
    for child_id, pk, start, end in _periods(records):
        visits = records.visit_dates(child_id, "looked_after")
        for placed, until, placement_type in _placements(records, child_id, start, end):
            a_year_on = a_year_after(placed)

            def key_for(
                i: int,
                day: dt.date,
                long_term=placement_type in LONG_TERM_FOSTERING,
                a_year_on=a_year_on,
            ) -> str:
                if i == 0:
                    return "lac_visit_first_1w"
                if day < a_year_on:
                    return "lac_visit_first_year_6w"
                return "lac_visit_long_term_6m" if long_term else "lac_visit_3m"

            yield from chain(
                book,
                child_id=child_id,
                anchor=placed,
                events=[
                    v
                    for v in within(visits, placed, until)
                    if until is None or v < until or until == end
                ],
                key_for=key_for,
                still_open=until is None,
                source=f"children_in_care.periodofcare:{pk}",
            )


def initial_health_assessments(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From becoming looked after to the initial health assessment (statutory rule and
    the local KPI)."""
    for child_id, pk, start, end in _periods(records):
        done = [
            r[3] for r in records.health_assessments.get(child_id, ()) if r[2] == "initial" and r[3]
        ]
        met = first_on_or_after(done, start, end)
        if met is None and end is not None:
            continue
        for key in ("initial_health_assessment_20wd", "initial_health_assessment_28wd"):
            clock = book.clock(key, child_id, start, met, f"children_in_care.periodofcare:{pk}")
            if clock is not None:
                yield clock


def review_health_assessments(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From each health assessment while looked after to the next review assessment:
    6 months for a child under 5 on the day of the last one, 12 months from 5."""
    born_on = records.births
    for child_id, pk, start, end in _periods(records):
        rows = records.health_assessments.get(child_id, ())
        done = within([r[3] for r in rows if r[3]], start, end)
        reviews = within([r[3] for r in rows if r[2] == "review" and r[3]], start, end)
        for day in done:
            age = _age(born_on.get(child_id), day)
            key = (
                "review_health_assessment_under5_6m"
                if age is not None and age < 5
                else "review_health_assessment_5plus_12m"
            )
            following = first_on_or_after(reviews, day + dt.timedelta(days=1))
            if following is None and end is not None:
                continue
            clock = book.clock(key, child_id, day, following, f"children_in_care.periodofcare:{pk}")
            if clock is not None:
                yield clock


def first_peps(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From becoming looked after to the first PEP, for children of compulsory school
    age (5 to 15) when the period of care began."""
    born_on = records.births
    for child_id, pk, start, end in _periods(records):
        if _age(born_on.get(child_id), start) not in PEP_AGES:
            continue
        agreed = sorted(r[3] for r in records.peps.get(child_id, ()) if r[2] == pk and r[3])
        met = first_on_or_after(agreed, start, end)
        if met is None and end is not None:
            continue
        clock = book.clock("pep_20sd", child_id, start, met, f"children_in_care.periodofcare:{pk}")
        if clock is not None:
            yield clock


def return_interviews(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From a child's return from missing or away to the offer of a return interview."""
    for child_id, rows in records.missing.items():
        for _, pk, returned, offered in rows:
            clock = book.clock(
                "return_interview_72h",
                child_id,
                returned,
                offered,
                f"children_in_care.missingepisode:{pk}",
            )
            if clock is not None:
                yield clock


def pathway_plans(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From the 16th birthday of an eligible child (or the day they become eligible, if
    later) to their first pathway plan. A child looked after at 16 for less than the
    13 weeks since their 14th birthday that make them eligible is owed no pathway plan
    (Children Act 1989, schedule 2, paragraph 19B; Care Leavers (England) Regulations
    2010, regulation 40), so no clock runs for them."""
    for child_id, born in records.births.items():
        if born is None:
            continue
        periods = [(pk, s, e) for _, pk, s, e in records.periods.get(child_id, ())]
        eligible = eligible_on(born, periods, records.today)
        if eligible is None:
            continue
        agreed = [r[2] for r in records.pathway_plans.get(child_id, ())]
        met = first_on_or_after(sorted(agreed), dt.date.min)
        if met is None and _age(born, records.today) >= CARE_LEAVER_UNTIL:
            continue
        clock = book.clock(
            "pathway_plan_16_3m",
            child_id,
            eligible[1],
            met,
            f"children_in_care.periodofcare:{eligible[0]}",
            role="personal_adviser",
        )
        if clock is not None:
            yield clock


def eligible_on(
    born: dt.date, periods: list[tuple[int, dt.date, dt.date | None]], today: dt.date
) -> tuple[int, dt.date] | None:
    """(period, day) a child becomes an eligible child: looked after at 16 or 17 after
    13 weeks in all looked after since their 14th birthday; None if they have not."""
    fourteen, sixteen = birthday_in(born, born.year + 14), birthday_in(born, born.year + 16)
    eighteen = birthday_in(born, born.year + 18)
    counted = 0  # days looked after since the 14th birthday, before this period
    for pk, start, end in sorted(periods, key=lambda p: p[1]):
        first, last = max(start, fourteen), min(end or today, eighteen - dt.timedelta(days=1))
        if last < first:
            continue
        day = max(first + dt.timedelta(days=ELIGIBLE_AFTER_DAYS - counted), sixteen)
        if max(first, day) <= last:
            return pk, max(first, day)
        counted += (last - first).days + 1
    return None


def pathway_plan_reviews(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """A pathway plan is reviewed within 6 months of being agreed and of each review."""
    for child_id, rows in records.pathway_plans.items():
        for _, pk, start, end in rows:
            yield from chain(
                book,
                child_id=child_id,
                anchor=start,
                events=within(records.pathway_reviews.get(pk, []), start, end),
                key_for=lambda *_: "pathway_plan_review_6m",
                still_open=end is None,
                source=f"care_leavers.pathwayplan:{pk}",
                role="personal_adviser",
            )


def private_fostering_visits(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """A visit within 7 working days of notification, then every 6 weeks in the first
    year of the arrangement and every 12 weeks after it."""
    for child_id, rows in records.private_fostering.items():
        visits = records.visit_dates(child_id, "private_fostering")
        for _, pk, notified, start, end, first_visit in rows:
            events = within(visits + ([first_visit] if first_visit else []), notified, end)
            a_year_on = a_year_after(start)

            def key_for(i: int, day: dt.date, a_year_on=a_year_on) -> str:
                if i == 0:
                    return "private_fostering_first_visit_7wd"
                return (
                    "private_fostering_visit_first_year_6w"
                    if day < a_year_on
                    else "private_fostering_visit_12w"
                )

            yield from chain(
                book,
                child_id=child_id,
                anchor=notified,
                events=events,
                key_for=key_for,
                still_open=end is None,
                source=f"fostering.privatefosteringarrangement:{pk}",
            )
