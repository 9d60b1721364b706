"""Every list page, and the child's record, issues the same number of queries for 1 row
as for 200 (a record with 1 event as with 200): nothing is read row by row."""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.notifications.models import Notification, NotificationKind
from kinfolio.people.models import Person
from kinfolio.timescales.services import refresh_clocks
from kinfolio.workforce.models import Allocation
from tests.factories import (
    AssessmentFactory,
    CaseNoteFactory,
    ChildFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    ContactFactory,
    CoreGroupMeetingFactory,
    D,
    DecidedContactFactory,
    PartnerCheckFactory,
    StrategyDiscussionFactory,
    TeamFactory,
    VisitFactory,
    WorkerFactory,
)
from tests.factories_care import (
    DentalCheckFactory,
    EducationPlacementFactory,
    LACReviewFactory,
    PeriodOfCareFactory,
)

SIZES = (1, 200)
TODAY = dt.date.today()


def queries_for(client, url: str) -> int:
    client.get(url)  # the session, the calendar and the templates warmed
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def counts_while_growing(client, url: str, grow) -> list[int]:
    """The page's queries with ``grow(n)`` having added up to 1, then 200 rows."""
    counts, made = [], 0
    for size in SIZES:
        grow(size - made)
        made = size
        counts.append(queries_for(client, url))
    return counts


@pytest.fixture
def team(db):
    return TeamFactory()


@pytest.fixture
def worker(team):
    return WorkerFactory(team=team)


def children_with_overdue_assessments(worker, team, family_name="Child"):
    def grow(n: int) -> None:
        made = []
        for _ in range(n):
            child = ChildFactory(family_name=family_name)
            Allocation.objects.create(
                child=child,
                role="social_worker",
                team=team,
                worker=worker,
                start_date=D(2025, 1, 6),
            )
            CINEpisodeFactory(child=child, team=team, referral_date=TODAY - dt.timedelta(days=100))
            made.append(child.pk)
        refresh_clocks(Person.objects.filter(pk__in=made))

    return grow


@pytest.mark.parametrize("name", ["workforce:my-caseload", "timescales:mine"])
def test_a_workers_pages(client, make_user, worker, team, name):
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=worker))
    grow = children_with_overdue_assessments(worker, team)
    first, second = counts_while_growing(client, reverse(name), grow)
    assert first == second


def test_team_deadlines(client, make_user, worker, team):
    client.force_login(make_user(Role.TEAM_MANAGER, worker=WorkerFactory(team=team)))
    grow = children_with_overdue_assessments(worker, team)
    url = reverse("timescales:team", args=[team.pk])
    first, second = counts_while_growing(client, url, grow)
    assert first == second


def test_team_page_with_its_workers_and_children_waiting(client, make_user, team):
    client.force_login(make_user(Role.TEAM_MANAGER, worker=WorkerFactory(team=team)))

    def grow(n: int) -> None:
        for _ in range(n):
            held = WorkerFactory(team=team)
            Allocation.objects.create(
                child=ChildFactory(),
                role="social_worker",
                team=team,
                worker=held,
                start_date=D(2025, 1, 6),
            )
            Allocation.objects.create(
                child=ChildFactory(), role="social_worker", team=team, start_date=D(2025, 2, 3)
            )

    url = reverse("workforce:team", args=[team.pk])
    first, second = counts_while_growing(client, url, grow)
    assert first == second


def test_teams_list(client, make_user, team):
    client.force_login(make_user(Role.DIRECTOR))

    def grow(n: int) -> None:
        for _ in range(n):
            other = TeamFactory(manager=None)
            worker = WorkerFactory(team=other)
            other.manager = worker
            other.save()
            Allocation.objects.create(
                child=ChildFactory(),
                role="social_worker",
                team=other,
                worker=worker,
                start_date=D(2025, 1, 6),
            )

    first, second = counts_while_growing(client, reverse("workforce:teams"), grow)
    assert first == second


def test_search(client, make_user, db):
    client.force_login(make_user(Role.MASH_WORKER))

    def grow(n: int) -> None:
        for _ in range(n):
            ChildFactory(family_name="Smith")

    url = reverse("people:search") + "?q=smith"
    first, second = counts_while_growing(client, url, grow)
    assert first == second


def test_caseload_summary(client, make_user, db):
    client.force_login(make_user(Role.DIRECTOR))

    def grow(n: int) -> None:
        made = []
        for _ in range(n):
            team = TeamFactory()
            episode = CINEpisodeFactory(team=team, referral_date=D(2025, 3, 3))
            Allocation.objects.create(
                child=episode.child, role="social_worker", team=team, start_date=D(2025, 3, 3)
            )
            made.append(episode.child_id)
        refresh_clocks(Person.objects.filter(pk__in=made))

    first, second = counts_while_growing(client, reverse("performance:caseload-summary"), grow)
    assert first == second


RECORD_SECTIONS = [
    "people:child",
    "people:child-chronology",
    "people:child-plans",
    "people:child-visits",
    "people:child-documents",
    "people:child-deadlines",
    "people:child-history",
]


@pytest.mark.parametrize("section", RECORD_SECTIONS)
def test_childs_record_with_1_and_200_events(client, make_user, worker, team, section):
    plan = ChildProtectionPlanFactory(start_date=D(2025, 1, 6))
    child = plan.child
    Allocation.objects.create(
        child=child, role="social_worker", team=team, worker=worker, start_date=D(2025, 1, 6)
    )
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=worker))

    def grow(n: int) -> None:
        for i in range(n):
            day = D(2025, 1, 7) + dt.timedelta(days=i)
            VisitFactory(child=child, kind="cp", visit_date=day)
            CaseNoteFactory(child=child)
        refresh_clocks(Person.objects.filter(pk=child.pk))

    url = reverse(section, args=[child.local_id])
    first, second = counts_while_growing(client, url, grow)
    assert first == second


def test_childs_chronology_with_1_and_200_events_of_every_kind_grown(
    client, make_user, worker, team
):
    """Events of the kinds that name another record (a worker, an author, a school, a
    plan, a contact): none is read event by event."""
    plan = ChildProtectionPlanFactory(start_date=D(2025, 1, 6))
    child, episode = plan.child, plan.cin_episode
    Allocation.objects.create(
        child=child, role="social_worker", team=team, worker=worker, start_date=D(2025, 1, 6)
    )
    client.force_login(make_user(Role.SOCIAL_WORKER, worker=worker))
    period = PeriodOfCareFactory(child=child, start_date=D(2025, 1, 6))
    days = (D(2025, 1, 7) + dt.timedelta(days=i) for i in itertools.count())

    def grow(n: int) -> None:
        for day in itertools.islice(days, n):
            PartnerCheckFactory(contact=ContactFactory(child=child))
            AssessmentFactory(cin_episode=episode, start_date=day)
            StrategyDiscussionFactory(cin_episode=episode, discussion_date=day)
            CoreGroupMeetingFactory(plan=plan, meeting_date=day)
            VisitFactory(child=child, kind="cp", visit_date=day)
            CaseNoteFactory(child=child)
            DentalCheckFactory(child=child, check_date=day)
            EducationPlacementFactory(child=child, start_date=day, end_date=day)
            LACReviewFactory(period=period, due_date=day, review_date=day)

    url = reverse("people:child-chronology", args=[child.local_id])
    first, second = counts_while_growing(client, url, grow)
    assert first == second
    assert client.get(url).context["total"] >= 9 * 200


def test_the_record_of_200_events_shows_them(client, make_user, worker, team):
    """The child's record test above is not vacuous: the events and clocks are there."""
    plan = ChildProtectionPlanFactory(start_date=D(2025, 1, 6))
    for i in range(200):
        VisitFactory(child=plan.child, kind="cp", visit_date=D(2025, 1, 7) + dt.timedelta(days=i))
    refresh_clocks(Person.objects.filter(pk=plan.child_id))
    client.force_login(make_user(Role.DIRECTOR))
    args = [plan.child.local_id]
    assert client.get(reverse("people:child-chronology", args=args)).context["total"] >= 200
    deadlines = client.get(reverse("people:child-deadlines", args=args)).context["deadlines"]
    assert len(deadlines["met"]) >= 199  # each visit met the clock the one before started


def test_notifications(client, make_user, db):
    user = make_user(Role.SOCIAL_WORKER)
    client.force_login(user)

    def grow(n: int) -> None:
        for _ in range(n):
            Notification.objects.create(
                recipient=user,
                kind=NotificationKind.ASSESSMENT_AUTHORISED,
                subject="Assessment authorised",
                body="Signed off by the team manager.",
                child=ChildFactory(),
            )

    first, second = counts_while_growing(client, reverse("notifications:list"), grow)
    assert first == second


def test_sign_off_queue(client, make_user, worker, team):
    manager = WorkerFactory(team=team)
    team.manager = manager
    team.save()
    client.force_login(make_user(Role.TEAM_MANAGER, worker=manager))

    def grow(n: int) -> None:
        for _ in range(n):
            assessment = AssessmentFactory(
                cin_episode=CINEpisodeFactory(team=team), worker=worker, submitted_at=timezone.now()
            )
            Allocation.objects.create(
                child=assessment.child,
                role="social_worker",
                team=team,
                worker=worker,
                start_date=D(2025, 1, 6),
            )

    url = reverse("assessments:sign-off-queue")
    first, second = counts_while_growing(client, url, grow)
    assert first == second


def test_a_partners_referrals(client, make_user, db):
    partner = make_user(Role.PARTNER_REFERRER)
    client.force_login(partner)

    def grow(n: int) -> None:
        for _ in range(n):
            ContactFactory(referred_by=partner)

    first, second = counts_while_growing(client, reverse("front_door:my-referrals"), grow)
    assert first == second


@pytest.mark.parametrize("name", ["mash:queue", "mash:referrers-to-tell"])
def test_front_door_pages(client, make_user, db, name):
    client.force_login(make_user(Role.MASH_WORKER))

    def grow(n: int) -> None:
        for _ in range(n):
            ContactFactory()
            DecidedContactFactory()

    first, second = counts_while_growing(client, reverse(name), grow)
    assert first == second
