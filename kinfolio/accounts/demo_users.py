"""One demo sign-in per role, linked to a generated worker where the role holds cases;
the partner referrer's sign-in is given a few police contacts as their own referrals."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from kinfolio.accounts.models import Role, User
from kinfolio.front_door.models import Contact
from kinfolio.workforce.models import Team, Worker

DEMO_PASSWORD = "kinfolio-demo-2026"  # synthetic data only; never for a real deployment
INSPECTOR_ACCESS_DAYS = 30
DEMO_REFERRALS = 5
POLICE = "6"  # REFERRAL_SOURCE: the partner referrer's demo sign-in is a police officer
# Every demo sign-in has an address, so alerts go somewhere (the demo's console backend
# prints them); .example is reserved for examples and reaches no one.
DEMO_EMAIL_DOMAIN = "demo.kinfolio.example"

# The team type whose busiest current worker each case-holding role signs in as.
ROLE_TEAM_TYPES = {
    Role.SOCIAL_WORKER: "locality_cin",
    Role.SENIOR_PRACTITIONER: "children_in_care",
    Role.IRO: "safeguarding",
    Role.MASH_WORKER: "front_door",
    Role.EARLY_HELP_WORKER: "early_help",
    Role.PERSONAL_ADVISER: "leaving_care",
    Role.FOSTERING_ADOPTION_WORKER: "fostering",
    Role.LADO: "lado",
}


@dataclass(frozen=True)
class DemoSignIn:
    username: str
    role: str
    worker: str


def _busiest_worker(team_type: str, exclude: set[int]) -> Worker | None:
    return (
        Worker.objects.filter(team__team_type=team_type, end_date__isnull=True, user__isnull=True)
        .exclude(pk__in=exclude)
        .annotate(held=Count("allocations", filter=Q(allocations__end_date__isnull=True)))
        .order_by("-held", "pk")
        .first()
    )


@transaction.atomic
def create_demo_users() -> list[DemoSignIn]:
    """Create (or reset) the demo accounts; safe to run again."""
    sign_ins = []
    used: set[int] = set()
    for role in Role:
        user, _ = User.objects.get_or_create(username=role.value, defaults={"role": role})
        worker = getattr(user, "worker", None)
        if worker is None:
            worker = _demo_worker(role, used)
        if worker is not None:
            used.add(worker.pk)
            user.first_name, user.last_name = worker.given_name, worker.family_name
        else:
            user.first_name, user.last_name = "Demo", role.label
        user.role = role
        user.email = f"{role.value.replace('_', '.')}@{DEMO_EMAIL_DOMAIN}"
        user.access_expires_at = (
            timezone.now() + timedelta(days=INSPECTOR_ACCESS_DAYS)
            if role == Role.INSPECTOR
            else None
        )
        user.set_password(DEMO_PASSWORD)
        user.full_clean()
        user.save()
        if worker is not None and worker.user_id != user.pk:
            worker.user = user
            worker.save(update_fields=["user"])
        detail = f"{worker.full_name}, {worker.team}" if worker else ""
        if role == Role.PARTNER_REFERRER:
            detail = f"{_link_demo_referrals(user)} police contacts as their own referrals"
        sign_ins.append(DemoSignIn(user.username, role.label, detail))
    return sign_ins


def _link_demo_referrals(user: User) -> int:
    """The police contacts with the lowest keys become this user's own (the same ones
    on every run); returns how many the user has."""
    first = Contact.objects.filter(source=POLICE).order_by("pk").values_list("pk", flat=True)
    Contact.objects.filter(pk__in=list(first[:DEMO_REFERRALS])).update(referred_by=user)
    return Contact.objects.filter(referred_by=user).count()


def _demo_worker(role: str, used: set[int]) -> Worker | None:
    if role == Role.TEAM_MANAGER:
        team = Team.objects.filter(team_type="locality_cin").order_by("name").first()
        return team.manager if team and team.manager and not team.manager.user_id else None
    team_type = ROLE_TEAM_TYPES.get(role)
    return _busiest_worker(team_type, used) if team_type else None
