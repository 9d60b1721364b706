"""Clocks of the front door and child protection: decisions on contacts, referrers told,
assessments, initial and review conferences and their paperwork, core groups, visits."""

from __future__ import annotations

from collections.abc import Iterator

from kinfolio.timescales.clocks import chain, first_on_or_after, within
from kinfolio.timescales.engine import Clock, RuleBook
from kinfolio.timescales.records import CaseRecords

ICPC_OUTCOME = "icpc"  # S47_OUTCOME: the enquiry decided on an initial conference


def _some(clock: Clock | None) -> Iterator[Clock]:
    if clock is not None:
        yield clock


def contact_decisions(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From the day a contact was received to the front door's decision."""
    for child_id, rows in records.contacts.items():
        for _, pk, received, decided, _informed, decided_by, _anonymous in rows:
            yield from _some(
                book.clock(
                    "contact_decision_1wd",
                    child_id,
                    received,
                    decided,
                    f"front_door.contact:{pk}",
                    worker_id=decided_by,
                )
            )


def referrers_informed(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From the decision on a contact to telling the referrer the outcome; an anonymous
    referrer cannot be told, so their contact has no such clock."""
    for child_id, rows in records.contacts.items():
        for _, pk, _received, decided, informed, decided_by, anonymous in rows:
            if decided is not None and not anonymous:
                yield from _some(
                    book.clock(
                        "referrer_informed_3wd",
                        child_id,
                        decided,
                        informed,
                        f"front_door.contact:{pk}",
                        worker_id=decided_by,
                    )
                )


def assessments(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From the referral to the authorisation of the episode's (first) assessment. An
    open episode without an assessment runs its clock too, unless the referral was no
    further action; an episode closed without one has no clock."""
    first: dict[int, tuple] = {}
    for rows in records.assessments.values():
        for row in rows:
            first.setdefault(row[2], row)  # rows are in start date order
    for child_id, rows in records.episodes.items():
        for _, pk, referral, close, nfa, worker, team in rows:
            found = first.get(pk)
            if found:
                _, apk, _, _, authorised, assessor = found
                yield from _some(
                    book.clock(
                        "assessment_45wd",
                        child_id,
                        referral,
                        authorised,
                        f"assessments.assessment:{apk}",
                        worker_id=assessor or worker,
                        team_id=team,
                    )
                )
            elif close is None and not nfa:
                yield from _some(
                    book.clock(
                        "assessment_45wd",
                        child_id,
                        referral,
                        None,
                        f"referrals.cinepisode:{pk}",
                        worker_id=worker,
                        team_id=team,
                    )
                )


def initial_conferences(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From the strategy discussion that started a section 47 enquiry to the initial
    conference; an enquiry that ended without deciding on one stops having a clock."""
    held = {}
    for rows in records.conferences.values():
        for row in rows:
            if row[2] == "initial" and row[4]:
                held.setdefault(row[4], row[3])
    for child_id, rows in records.enquiries.items():
        for _, pk, discussed, ended, outcome, worker in rows:
            conference = held.get(pk)
            if conference is None and ended is not None and outcome != ICPC_OUTCOME:
                continue
            yield from _some(
                book.clock(
                    "icpc_15wd",
                    child_id,
                    discussed,
                    conference,
                    f"protection.section47enquiry:{pk}",
                    worker_id=worker,
                )
            )


def _reviews_by_plan(records: CaseRecords) -> dict[int, list]:
    reviews: dict[int, list] = {}
    for rows in records.conferences.values():
        for row in rows:
            if row[2] == "review" and row[5]:
                reviews.setdefault(row[5], []).append(row[3])
    return reviews


def first_core_groups(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """From the conference that started the plan to its first core group meeting."""
    for child_id, rows in records.plans.items():
        for _, pk, start, end in rows:
            met = first_on_or_after(records.core_groups.get(pk, []), start, end)
            if met is None and end is not None:
                continue
            yield from _some(
                book.clock(
                    "core_group_first_10wd",
                    child_id,
                    start,
                    met,
                    f"protection.childprotectionplan:{pk}",
                )
            )


def review_conferences(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """The first review conference within 3 months of the plan starting, then each
    within 6 months of the last, while the plan lasts."""
    reviews = _reviews_by_plan(records)
    for child_id, rows in records.plans.items():
        for _, pk, start, end in rows:
            yield from chain(
                book,
                child_id=child_id,
                anchor=start,
                events=within(reviews.get(pk, []), start, end),
                key_for=lambda i, _: "rcpc_first_3m" if i == 0 else "rcpc_subsequent_6m",
                still_open=end is None,
                source=f"protection.childprotectionplan:{pk}",
            )


def cp_visits(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """A child protection visit every 10 working days from the start of the plan."""
    for child_id, rows in records.plans.items():
        visits = records.visit_dates(child_id, "cp")
        for _, pk, start, end in rows:
            yield from chain(
                book,
                child_id=child_id,
                anchor=start,
                events=within(visits, start, end),
                key_for=lambda *_: "cp_visit_10wd",
                still_open=end is None,
                source=f"protection.childprotectionplan:{pk}",
            )


PAPERWORK = (
    ("conference_invitations_5wd", 6, True),
    ("conference_reports_2wd", 7, True),
    ("conference_minutes_15wd", 8, False),
)


def conference_paperwork(records: CaseRecords, book: RuleBook) -> Iterator[Clock]:
    """Invitations and reports due before a conference, minutes after it. Invitations
    and reports not recorded once the conference has passed are not shown as due."""
    for child_id, rows in records.conferences.items():
        for row in rows:
            pk, day = row[1], row[3]
            for key, column, beforehand in PAPERWORK:
                done = row[column]
                if done is None and beforehand and day < records.today:
                    continue
                yield from _some(
                    book.clock(
                        key, child_id, day, done, f"protection.childprotectionconference:{pk}"
                    )
                )
