"""Stored clocks: written by the engine with who holds each deadline now, due dates kept
once stored (how the holder follows allocations: tests/workforce/test_deadline_holders)."""

import datetime as dt

import pytest
from django.db import transaction

from kinfolio.accounts.models import Role
from kinfolio.people.models import Person
from kinfolio.referrals.services.referrals import open_referral
from kinfolio.timescales import services
from kinfolio.timescales.calendar import clear_default_calendar
from kinfolio.timescales.models import ClosureDay, StoredClock
from kinfolio.timescales.selectors import deadlines_for_user
from kinfolio.timescales.services import add_rule_version, refresh_clocks, refresh_clocks_on_commit
from kinfolio.workforce.models import Allocation
from tests.factories import (
    AssessmentFactory,
    ChildFactory,
    CINEpisodeFactory,
    D,
    TeamFactory,
    WorkerFactory,
)

# Referral Friday 20 Dec 2024 -> assessment due Wednesday 26 Feb 2025 (see test_rules).
REFERRAL = D(2024, 12, 20)
DUE = D(2025, 2, 26)


def assessment_clock(child) -> StoredClock:
    return StoredClock.objects.get(child=child, rule__key="assessment_45wd")


def refresh(child) -> None:
    refresh_clocks(Person.objects.filter(pk=child.pk))


@pytest.fixture
def episode(db):
    episode = CINEpisodeFactory(referral_date=REFERRAL)
    refresh(episode.child)
    return episode


def test_the_engines_due_date_is_stored(episode):
    clock = assessment_clock(episode.child)
    assert (clock.started_on, clock.due_on, clock.stopped_on) == (REFERRAL, DUE, None)


def test_refreshing_again_changes_nothing(episode):
    before = list(StoredClock.objects.values())
    refresh(episode.child)
    assert list(StoredClock.objects.values()) == before


def test_a_closure_day_added_later_does_not_move_a_stored_due_date(episode):
    ClosureDay.objects.create(date=D(2025, 1, 2), reason="Council closure")
    clear_default_calendar()
    refresh(episode.child)
    assert assessment_clock(episode.child).due_on == DUE


def test_a_clock_that_stops_is_updated(episode):
    AssessmentFactory(
        cin_episode=episode,
        start_date=REFERRAL,
        authorised_date=D(2025, 2, 10),
        outcome_cin_plan=True,
    )
    refresh(episode.child)
    assert assessment_clock(episode.child).stopped_on == D(2025, 2, 10)


def test_a_clock_whose_record_goes_is_removed(episode):
    child = episode.child
    episode.delete()
    refresh(child)
    assert not StoredClock.objects.filter(child=child).exists()


def test_a_new_rule_version_gives_the_clocks_started_since_its_new_due_date(episode, make_user):
    add_rule_version(
        key="assessment_45wd",
        name="Child and family assessment",
        interval=40,
        unit="working_days",
        source="local",
        effective_from=D(2024, 12, 1),
        by=make_user(Role.SERVICE_MANAGER),
    )
    clock = assessment_clock(episode.child)
    assert (clock.rule.interval, clock.due_on) == (40, D(2025, 2, 19))


def test_refresh_stores_who_holds_each_deadline(episode, make_user):
    first, second = WorkerFactory(team=episode.team), WorkerFactory(team=episode.team)
    allocation = Allocation.objects.create(
        child=episode.child,
        role="social_worker",
        team=episode.team,
        worker=first,
        start_date=REFERRAL,
    )
    refresh(episode.child)
    today = dt.date(2025, 2, 20)
    assert deadlines_for_user(make_user(Role.SOCIAL_WORKER, worker=first), today=today).exists()
    allocation.end_date = D(2025, 1, 6)
    allocation.save()
    Allocation.objects.create(
        child=episode.child,
        role="social_worker",
        team=episode.team,
        worker=second,
        start_date=D(2025, 1, 6),
    )
    refresh(episode.child)
    clock = assessment_clock(episode.child)
    assert (clock.holder_worker, clock.holder_team) == (second, episode.team)
    [held] = deadlines_for_user(make_user(Role.SOCIAL_WORKER, worker=second), today=today)
    assert held.rule.key == "assessment_45wd"


def test_a_service_that_changes_a_record_stores_the_childs_clocks_when_it_commits(
    make_user, django_capture_on_commit_callbacks
):
    child, team = ChildFactory(), TeamFactory()
    with django_capture_on_commit_callbacks(execute=True):
        open_referral(
            child=child,
            referral_date=REFERRAL,
            referral_source="2A",
            team=team,
            by=make_user(Role.SOCIAL_WORKER),
        )
    assert assessment_clock(child).due_on == DUE


class _Undone(Exception):
    pass


def _asked_then_undone(child) -> None:
    with transaction.atomic():
        refresh_clocks_on_commit(child)
        raise _Undone


def test_a_childs_refresh_dropped_with_a_rolled_back_savepoint_is_asked_again(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    child, calls = ChildFactory(), []
    monkeypatch.setattr(services, "refresh_clocks", lambda children: calls.append(children))
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(_Undone):
            _asked_then_undone(child)
        refresh_clocks_on_commit(child)
        with transaction.atomic():
            refresh_clocks_on_commit(child)  # already waiting
    assert [list(children) for children in calls] == [[child]]
