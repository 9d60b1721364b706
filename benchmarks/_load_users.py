"""The load test's people: real sign-ins of the generated authority, each with a session
made beforehand (signed in, second factor given) so the test measures pages, not Argon2.

Social workers are the busiest current case holders of the authority, team managers
manage the teams with most children; each user is written with what their journey
needs (their caseload's children, their team) to ``var/bench/load-users.json``.
"""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Mod
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolio.accounts.models import Role, User
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
from kinfolio.workforce.models import Allocation, Team, Worker

CASE_HOLDING = ["locality_cin", "children_in_care"]  # the teams whose work has deadlines
SOCIAL_WORKERS = 30
TEAM_MANAGERS = 10
# Common surnames and a Kinfolio ID prefix: what a front door worker types.
SEARCHES = ["smith", "jones", "taylor", "brown", "williams", "wilson", "khan", "patel"]
SAMPLE_CHILDREN = 200
SAMPLE_EVERY = 97  # every 97th person, whatever the authority's size
SESSIONS_PER_SENIOR = 5


def _session_for(user: User) -> str:
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Bench authenticator", defaults={"confirmed": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    return session.session_key


def _user_for(worker: Worker | None, username: str, role: Role) -> User:
    user = worker.user if worker is not None and worker.user_id else None
    if user is None:
        user, _ = User.objects.get_or_create(username=username, defaults={"role": role})
        if worker is not None:
            worker.user = user
            worker.save(update_fields=["user"])
    user.role = role
    user.set_unusable_password()
    user.save()
    return user


def _caseload(worker: Worker) -> list[str]:
    held = Allocation.objects.filter(worker=worker, end_date__isnull=True)
    return list(held.values_list("child__local_id", flat=True)[:50])


def _openable(user: User, local_ids: list[str]) -> list[str]:
    """Those of the children the user may open: a restricted child's record refuses
    everyone not named on it, and the load test times pages, not refusals."""
    visible = children_visible_to(user).filter(local_id__in=local_ids)
    kept = set(visible.values_list("local_id", flat=True))
    return [local_id for local_id in local_ids if local_id in kept]


def _busiest(workers, n: int):
    return (
        workers.filter(end_date__isnull=True)
        .annotate(held=Count("allocations", filter=Q(allocations__end_date__isnull=True)))
        .order_by("-held", "pk")[:n]
    )


@transaction.atomic
def prepare(path: Path) -> dict[str, list[dict]]:
    """Makes (or reuses) the users, gives each a fresh session, writes and returns them."""
    people: dict[str, list[dict]] = {}
    locality = Worker.objects.filter(team__team_type__in=CASE_HOLDING)
    for worker in _busiest(locality.exclude(managed_teams__isnull=False), SOCIAL_WORKERS):
        user = _user_for(worker, f"bench-sw-{worker.pk}", Role.SOCIAL_WORKER)
        people.setdefault("social_worker", []).append(
            {"session": _session_for(user), "children": _openable(user, _caseload(worker))}
        )
    teams = Team.objects.filter(manager__isnull=False, team_type__in=CASE_HOLDING).annotate(
        held=Count("allocations", filter=Q(allocations__end_date__isnull=True))
    )
    for team in teams.order_by("-held", "pk")[:TEAM_MANAGERS]:
        user = _user_for(team.manager, f"bench-tm-{team.pk}", Role.TEAM_MANAGER)
        children = list(
            team.allocations.filter(end_date__isnull=True).values_list(
                "child__local_id", flat=True
            )[:50]
        )
        people.setdefault("team_manager", []).append(
            {"session": _session_for(user), "team": team.pk, "children": _openable(user, children)}
        )
    sample = list(
        Person.objects.filter(is_child_subject=True)
        .alias(every=Mod("pk", SAMPLE_EVERY))
        .filter(every=0)
        .values_list("local_id", flat=True)[:SAMPLE_CHILDREN]
    )
    team_ids = list(Team.objects.order_by("pk").values_list("pk", flat=True))
    for role in (Role.DIRECTOR, Role.SERVICE_MANAGER, Role.MASH_WORKER):
        user = _user_for(None, f"bench-{role.value}", role)
        openable = _openable(user, sample)
        people[role.value] = [
            {"session": _session_for(user), "children": openable, "teams": team_ids}
            for _ in range(SESSIONS_PER_SENIOR)
        ]
    path.write_text(json.dumps({"people": people, "searches": SEARCHES}))
    return people
