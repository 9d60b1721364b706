"""The daily digest: in-app notifications and email, to the worker and their manager."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from kinfolio.accounts.models import Role
from kinfolio.notifications.models import Notification
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, CINEpisodeFactory, D, TeamFactory, WorkerFactory

# Referral Friday 20 Dec 2024 -> assessment due Wednesday 26 Feb 2025 (see test_rules).
TODAY = D(2025, 2, 27)


@pytest.fixture
def team_with_overdue_assessment(make_user):
    team = TeamFactory(name="Locality North")
    manager = WorkerFactory(team=team, given_name="Morgan", family_name="Lead")
    team.manager = manager
    team.save()
    worker = WorkerFactory(team=team)
    worker_user = make_user(Role.SOCIAL_WORKER, worker=worker, email="worker@example.org")
    manager_user = make_user(Role.TEAM_MANAGER, worker=manager, email="manager@example.org")
    child = ChildFactory(given_name="Amara", family_name="Okafor")
    Allocation.objects.create(
        child=child, role="social_worker", team=team, worker=worker, start_date=D(2024, 12, 20)
    )
    CINEpisodeFactory(child=child, team=team, referral_date=D(2024, 12, 20))
    return worker_user, manager_user


@pytest.fixture
def run_digest(django_capture_on_commit_callbacks):
    """The daily command, with its e-mails sent as they are when its writes commit."""

    def run(day: str) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_deadline_digest", "--date", day)

    return run


def test_digest_notifies_and_emails_worker_and_manager(team_with_overdue_assessment, run_digest):
    worker_user, manager_user = team_with_overdue_assessment
    run_digest("2025-02-27")
    notes = {n.recipient: n for n in Notification.objects.all()}
    assert set(notes) == {worker_user, manager_user}
    assert "Overdue (1)" in notes[worker_user].body
    assert "Amara Okafor" in notes[worker_user].body
    assert (
        "due 26 Feb 2025: 45 working days from the referral on 20 Dec 2024"
        in notes[worker_user].body
    )
    assert "Overdue or due today in Locality North" in notes[manager_user].body
    assert sorted(m.to[0] for m in mail.outbox) == ["manager@example.org", "worker@example.org"]
    assert mail.outbox[0].subject == "Kinfolio deadlines for 27 February 2025: 1 overdue"
    assert all(n.emailed_at for n in notes.values())


def test_digest_run_twice_in_a_day_sends_once(team_with_overdue_assessment, run_digest):
    run_digest("2025-02-27")
    run_digest("2025-02-27")
    assert Notification.objects.count() == 2
    assert len(mail.outbox) == 2


def test_digest_with_nothing_due_sends_nothing(team_with_overdue_assessment, run_digest):
    # On 20 Dec 2024 the assessment is 45 working days away: neither due soon nor overdue.
    run_digest("2024-12-20")
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_digest_manager_is_not_told_about_deadlines_merely_due_soon(
    team_with_overdue_assessment, run_digest
):
    worker_user, manager_user = team_with_overdue_assessment
    # 14 Feb 2025 is 8 working days before 26 Feb: due soon for the worker only.
    run_digest(dt.date(2025, 2, 14).isoformat())
    assert [n.recipient for n in Notification.objects.all()] == [worker_user]
