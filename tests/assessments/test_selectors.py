import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.assessments.selectors import awaiting_authorisation
from kinfolio.workforce.models import Allocation
from tests.factories import AssessmentFactory, D, TeamFactory, WorkerFactory
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db


def sent(team, worker, n: int = 1):
    """``n`` assessments by ``worker``, sent for authorisation, of children in ``team``."""
    made = []
    for _ in range(n):
        assessment = AssessmentFactory(
            worker=worker, cin_episode__team=team, submitted_at=timezone.now()
        )
        Allocation.objects.create(
            child=assessment.child, role="social_worker", team=team, start_date=D(2024, 3, 4)
        )
        made.append(assessment)
    return made


@pytest.fixture
def team():
    return TeamFactory()


@pytest.fixture
def manager(team):
    user = staff(Role.TEAM_MANAGER, team=team)
    team.manager = user.worker
    team.save()
    return user


def test_awaiting_authorisation_lists_the_managed_teams_sent_assessments_oldest_first(
    team, manager
):
    first, second = sent(team, WorkerFactory(team=team), 2)
    AssessmentFactory(worker=WorkerFactory(team=team))  # still being written
    other_team = TeamFactory(service=team.service)
    sent(other_team, WorkerFactory(team=other_team))  # not this manager's team

    assert list(awaiting_authorisation(manager)) == [first, second]


def test_awaiting_authorisation_leaves_out_authorised_assessments(team, manager):
    [done] = sent(team, WorkerFactory(team=team))
    done.authorised_date, done.outcome_nfa = D(2024, 4, 1), True
    done.save()

    assert list(awaiting_authorisation(manager)) == []


def test_awaiting_authorisation_shows_nothing_outside_the_users_children(team):
    sent(team, WorkerFactory(team=team))
    elsewhere = staff(Role.TEAM_MANAGER)  # a team in another service

    assert list(awaiting_authorisation(elsewhere)) == []


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        for assessment in awaiting_authorisation(user):
            _ = (assessment.child.full_name, assessment.worker, assessment.cin_episode.team.name)
    return len(captured)


def test_awaiting_authorisation_same_query_count_for_1_and_200_rows(team, manager):
    worker = WorkerFactory(team=team)
    sent(team, worker)
    one = _queries(manager)
    sent(team, worker, 199)

    assert _queries(manager) == one
    assert awaiting_authorisation(manager).count() == 200
