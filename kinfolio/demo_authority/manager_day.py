"""The demo authority's present day as a team manager meets it.

A real team is never fully tidy: a few children wait for a worker, assessments sit in
the manager's sign-off queue, someone has handed in their notice, a record is
restricted, supervision mostly happens on time. This step sets that scene after the
bulk load, mostly on the first locality team (the demo team manager's), choosing the same
children every time for a seed. It changes no figure the demo is sized to.
"""

import random
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from kinfolio.assessments.models import Assessment
from kinfolio.audit.services import restrict_record
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.protection.models import ChildProtectionPlan
from kinfolio.workforce.models import Allocation, SupervisionSession, Team, Worker

WAITING_CHILDREN = 5
SUBMITTED_ASSESSMENTS = 4
LEAVING_IN_DAYS = 18
SUPERVISION_LATE_SHARE = 0.15  # an imperfect council: some supervision runs late


def set_the_scene(*, seed: int, census: date) -> dict[str, int]:
    rng = random.Random(seed)
    team = Team.objects.filter(team_type="locality_cin").order_by("name").first()
    if team is None:
        return {}
    held = Allocation.objects.filter(
        team=team, role="social_worker", end_date__isnull=True, worker__isnull=False
    ).order_by("child__local_id")
    return {
        "waiting": _children_waiting(rng, held, census),
        "submitted": _assessments_sent_for_sign_off(rng, census),
        "leaving": _worker_leaving(held, census),
        "restricted": _a_restricted_record(rng, held, census),
        "supervisions": _supervision(rng, census),
        "establishment": _establishments(),
    }


def _child_in_need_only(held):
    """Allocations of children in need who are neither on a plan nor looked after (they
    must keep a named worker)."""
    cp = ChildProtectionPlan.objects.filter(child=OuterRef("child"), end_date__isnull=True)
    care = PeriodOfCare.objects.filter(child=OuterRef("child"), end_date__isnull=True)
    return held.exclude(Exists(cp)).exclude(Exists(care))


def _children_waiting(rng: random.Random, held, census: date) -> int:
    """A worker left or went off sick: a few children wait days to weeks for another."""
    pool = list(_child_in_need_only(held))
    chosen = rng.sample(pool, k=min(WAITING_CHILDREN, len(pool)))
    for allocation in chosen:
        since = census - timedelta(days=rng.randint(2, 30))
        if since <= allocation.start_date:
            since = allocation.start_date + timedelta(days=1)
        allocation.end_date = since
        allocation.end_reason = "Worker on long-term sick leave: the child waits in the team"
        allocation.save(update_fields=["end_date", "end_reason"])
        Allocation.objects.create(
            child=allocation.child, role="social_worker", team=allocation.team, start_date=since
        )
    return len(chosen)


def _assessments_sent_for_sign_off(rng: random.Random, census: date) -> int:
    """Written assessments (child seen, views, factors) waiting in their team manager's
    queue (the referral and assessment team's, where the demo's assessments are)."""
    ready = list(
        Assessment.objects.filter(
            authorised_date__isnull=True,
            child_seen=True,
            start_date__lte=census - timedelta(days=15),
            factors__isnull=False,
        )
        .exclude(childs_views="")
        .distinct()
        .order_by("start_date", "pk")
    )
    chosen = ready[:SUBMITTED_ASSESSMENTS]
    for assessment in chosen:
        sent = census - timedelta(days=rng.randint(0, 6))
        assessment.analysis = assessment.analysis or (
            "The worker's analysis of the child's needs and the parents' capacity to meet "
            "them (synthetic demo text)."
        )
        assessment.submitted_at = timezone.make_aware(datetime.combine(sent, time(15, 30)))
        assessment.save(update_fields=["analysis", "submitted_at"])
    return len(chosen)


def _worker_leaving(held, census: date) -> int:
    """The team's busiest permanent worker has handed in their notice."""
    counts: dict[int, int] = {}
    for worker_id in held.values_list("worker_id", flat=True):
        counts[worker_id] = counts.get(worker_id, 0) + 1
    workers = Worker.objects.filter(pk__in=counts, is_agency=False, end_date__isnull=True)
    worker = max(workers, key=lambda w: (counts[w.pk], -w.pk), default=None)
    if worker is None:
        return 0
    worker.end_date = census + timedelta(days=LEAVING_IN_DAYS)
    worker.save(update_fields=["end_date"])
    return 1


def _a_restricted_record(rng: random.Random, held, census: date) -> int:
    """A child whose record only named people may open (a staff member's relative)."""
    pool = list(_child_in_need_only(held).filter(worker__end_date=None))
    if not pool:
        return 0
    allocation = rng.choice(pool)
    restrict_record(
        child=allocation.child,
        reason="A relative of a member of staff: open only to the named people",
        allowed_users=[],
        by=None,
        restricted_on=census - timedelta(days=200),
    )
    return 1


def _supervision(rng: random.Random, census: date) -> int:
    """Each current worker's last supervision: most within the council's interval,
    some late."""
    every = settings.KINFOLIO_SUPERVISION_EVERY_DAYS
    managers = {t.pk: t.manager_id for t in Team.objects.all()}
    rows = []
    for worker in Worker.objects.filter(end_date__isnull=True).order_by("pk"):
        supervisor = managers.get(worker.team_id)
        if supervisor is None or supervisor == worker.pk:
            continue
        late = rng.random() < SUPERVISION_LATE_SHARE
        days = rng.randint(every + 5, every * 3) if late else rng.randint(1, every - 1)
        held_on = max(census - timedelta(days=days), worker.start_date)
        rows.append(
            SupervisionSession(
                worker=worker,
                supervisor_id=supervisor,
                held_on=held_on,
                notes="Caseload, wellbeing and learning reviewed.",
            )
        )
    SupervisionSession.objects.bulk_create(rows)
    return len(rows)


def _establishments() -> int:
    """Each team's funded posts: one per post the generator fills (agency workers
    cover vacant posts)."""
    teams = list(Team.objects.all())
    for team in teams:
        team.establishment_fte = (
            team.workers.filter(end_date__isnull=True).exclude(pk=team.manager_id).count()
        )
    Team.objects.bulk_update(teams, ["establishment_fte"])
    return len(teams)
