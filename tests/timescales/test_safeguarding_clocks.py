"""Each safeguarding rule with a hand-worked example. Bank holidays used: 2023: 1, 8 and
29 May, 28 Aug; 2024: 29 Mar, 1 Apr, 6 and 27 May, 25 and 26 Dec; 2025: 1 Jan."""

import datetime as dt

import pytest

from kinfolio.casework.models import Visit
from kinfolio.protection.models import ChildProtectionConference
from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    ContactFactory,
    CoreGroupMeetingFactory,
    InitialConferenceFactory,
    ReviewConferenceFactory,
    Section47EnquiryFactory,
    StrategyDiscussionFactory,
    WorkerFactory,
    at,
)
from tests.timescales.helpers import clocks_of

pytestmark = pytest.mark.django_db
D = dt.date


def test_contact_decision_on_christmas_eve_is_due_after_the_bank_holidays():
    # Received Tuesday 24 Dec 2024; 25 and 26 Dec are bank holidays, so the next
    # working day is Friday 27 Dec 2024. Decided then: on time.
    contact = ContactFactory(
        received_at=at(2024, 12, 24),
        decision="referral",
        decided_at=at(2024, 12, 27, 9),
        decided_by=WorkerFactory(),
    )
    assert clocks_of(contact.child, "contact_decision_1wd") == [
        (D(2024, 12, 24), D(2024, 12, 27), D(2024, 12, 27), "met_on_time")
    ]


def test_referrer_told_over_easter_2024():
    # Decided Thursday 28 Mar 2024; Good Friday 29 Mar and Easter Monday 1 Apr are bank
    # holidays: Tue 2 (1), Wed 3 (2), Thu 4 Apr (3) -> due 4 April; told on 5 April: late.
    contact = ContactFactory(
        received_at=at(2024, 3, 28, 9),
        decision="referral",
        decided_at=at(2024, 3, 28, 15),
        decided_by=WorkerFactory(),
        referrer_informed_at=at(2024, 4, 5),
        referrer_informed_method="phone",
    )
    assert clocks_of(contact.child, "referrer_informed_3wd") == [
        (D(2024, 3, 28), D(2024, 4, 4), D(2024, 4, 5), "met_late")
    ]


def test_assessment_45_working_days_from_a_referral_before_christmas():
    # Referral Friday 20 Dec 2024 -> due Wednesday 26 Feb 2025 (worked in test_rules).
    episode = CINEpisodeFactory(referral_date=D(2024, 12, 20))
    AssessmentFactory(cin_episode=episode, start_date=D(2024, 12, 23))
    assert clocks_of(episode.child, "assessment_45wd", today=D(2025, 2, 26)) == [
        (D(2024, 12, 20), D(2025, 2, 26), None, "due_today")
    ]


def test_open_referral_without_an_assessment_runs_its_clock_but_nfa_does_not():
    running = CINEpisodeFactory(referral_date=D(2024, 12, 20))
    nfa = CINEpisodeFactory(referral_date=D(2024, 12, 20), nfa=True)
    assert clocks_of(running.child, "assessment_45wd", today=D(2025, 2, 27)) == [
        (D(2024, 12, 20), D(2025, 2, 26), None, "overdue")
    ]
    assert clocks_of(nfa.child, "assessment_45wd") == []


def test_icpc_15_working_days_from_the_strategy_discussion_in_may_2023():
    # Strategy discussion Friday 28 Apr 2023. 1 May and 8 May are bank holidays:
    # 2-5 May (4), 9-12 (8), 15-19 (13), 22 (14), 23 May (15) -> due Tuesday 23 May 2023.
    discussion = StrategyDiscussionFactory(
        discussion_date=D(2023, 4, 28), cin_episode=CINEpisodeFactory(referral_date=D(2023, 4, 27))
    )
    enquiry = Section47EnquiryFactory(strategy_discussion=discussion, start_date=D(2023, 4, 28))
    InitialConferenceFactory(section47=enquiry, conference_date=D(2023, 5, 24))
    assert clocks_of(enquiry.child, "icpc_15wd") == [
        (D(2023, 4, 28), D(2023, 5, 23), D(2023, 5, 24), "met_late")
    ]


def test_enquiry_ended_without_a_conference_has_no_icpc_clock():
    enquiry = Section47EnquiryFactory(end_date=D(2024, 3, 20), outcome="no_further_action")
    assert clocks_of(enquiry.child, "icpc_15wd") == []


def _plan(icpc: dt.date):
    referral = CINEpisodeFactory(referral_date=icpc - dt.timedelta(days=30))
    discussion = StrategyDiscussionFactory(
        cin_episode=referral, discussion_date=icpc - dt.timedelta(days=20)
    )
    enquiry = Section47EnquiryFactory(
        strategy_discussion=discussion, start_date=discussion.discussion_date
    )
    return ChildProtectionPlanFactory(
        initial_conference=InitialConferenceFactory(section47=enquiry, conference_date=icpc)
    )


def test_first_core_group_over_the_august_2023_bank_holiday():
    # ICPC Wednesday 23 Aug 2023: 24, 25 (2), 28 Aug is a bank holiday, 29 Aug-1 Sep
    # (6), 4-7 Sep (10) -> due Thursday 7 Sep 2023; met on 6 September.
    plan = _plan(D(2023, 8, 23))
    CoreGroupMeetingFactory(plan=plan, meeting_date=D(2023, 9, 6))
    assert clocks_of(plan.child, "core_group_first_10wd") == [
        (D(2023, 8, 23), D(2023, 9, 7), D(2023, 9, 6), "met_on_time")
    ]


def test_review_conferences_three_then_six_months():
    # ICPC 30 Nov 2023 + 3 months: 30 Feb does not exist, so Thursday 29 Feb 2024 (a
    # leap year). Review held 28 Feb 2024; the next within 6 months: 28 Aug 2024.
    plan = _plan(D(2023, 11, 30))
    ReviewConferenceFactory(cp_plan=plan, conference_date=D(2024, 2, 28))
    assert clocks_of(plan.child, "rcpc_first_3m") == [
        (D(2023, 11, 30), D(2024, 2, 29), D(2024, 2, 28), "met_on_time")
    ]
    assert clocks_of(plan.child, "rcpc_subsequent_6m", today=D(2024, 8, 20)) == [
        (D(2024, 2, 28), D(2024, 8, 28), None, "due_soon")
    ]


def test_cp_visits_every_10_working_days():
    # Plan from Monday 2 Sep 2024: 3-6 (4), 9-13 (9), 16 Sep (10) -> due Monday 16 Sep;
    # visited Friday 13 Sep. From 13 Sep: 16-20 (5), 23-27 (10) -> due Friday 27 Sep.
    plan = _plan(D(2024, 9, 2))
    Visit.objects.create(
        child=plan.child,
        kind="cp",
        visit_date=D(2024, 9, 13),
        worker=WorkerFactory(),
        cp_plan=plan,
        seen=True,
    )
    assert clocks_of(plan.child, "cp_visit_10wd", today=D(2024, 9, 30)) == [
        (D(2024, 9, 2), D(2024, 9, 16), D(2024, 9, 13), "met_on_time"),
        (D(2024, 9, 13), D(2024, 9, 27), None, "overdue"),
    ]


def test_conference_paperwork_around_the_may_2024_bank_holidays():
    # Conference Thursday 9 May 2024; Monday 6 May is a bank holiday.
    # Invitations 5 WD before: 8 (1), 7 (2), 3 (3), 2 (4), 1 May (5) -> Wednesday 1 May.
    # Reports 2 WD before: 8 (1), 7 May (2) -> Tuesday 7 May.
    # Minutes 15 WD after: 10 (1), 13-17 (6), 20-24 (11), 27 May is a bank holiday,
    # 28-31 May (15) -> Friday 31 May.
    child = ChildFactory()
    ChildProtectionConference.objects.create(
        child=child,
        conference_type="transfer_in",
        conference_date=D(2024, 5, 9),
        invitations_sent_on=D(2024, 5, 2),
        reports_shared_on=D(2024, 5, 7),
        minutes_distributed_on=D(2024, 5, 31),
    )
    assert clocks_of(child, "conference_invitations_5wd") == [
        (D(2024, 5, 9), D(2024, 5, 1), D(2024, 5, 2), "met_late")
    ]
    assert clocks_of(child, "conference_reports_2wd") == [
        (D(2024, 5, 9), D(2024, 5, 7), D(2024, 5, 7), "met_on_time")
    ]
    assert clocks_of(child, "conference_minutes_15wd") == [
        (D(2024, 5, 9), D(2024, 5, 31), D(2024, 5, 31), "met_on_time")
    ]


def test_invitations_not_recorded_for_a_past_conference_are_not_shown_as_due():
    child = ChildFactory()
    ChildProtectionConference.objects.create(
        child=child, conference_type="transfer_in", conference_date=D(2024, 5, 9)
    )
    assert clocks_of(child, "conference_invitations_5wd") == []
    assert clocks_of(child, "conference_invitations_5wd", today=D(2024, 5, 2)) == [
        (D(2024, 5, 9), D(2024, 5, 1), None, "overdue")
    ]


def test_open_only_reads_fewer_records_but_finds_the_same_running_clocks():
    from kinfolio.people.models import Person
    from kinfolio.timescales.selectors import clocks_for

    plan = _plan(D(2024, 9, 2))
    Visit.objects.create(
        child=plan.child,
        kind="cp",
        visit_date=D(2024, 9, 13),
        worker=WorkerFactory(),
        cp_plan=plan,
        seen=True,
    )
    CINEpisodeFactory(referral_date=D(2024, 12, 20))
    ContactFactory(received_at=at(2024, 12, 24))
    children, today = Person.objects.all(), D(2024, 12, 30)
    every = {
        (c.rule.key, c.child_id, c.started_on)
        for c in clocks_for(children, today=today)
        if c.is_open
    }
    running = {
        (c.rule.key, c.child_id, c.started_on)
        for c in clocks_for(children, today=today, open_only=True)
    }
    assert running == every
    assert len(running) >= 5
