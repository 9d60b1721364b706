"""Reads for performance analysts and managers: counts and pseudonymised lists.

These reads span every child in the authority, so they do not start from
``children_visible_to``; instead they never return a child's record, name, Kinfolio ID
or date of birth. Counts are computed by the database; each pseudonymised row carries
only a stable pseudonym and coarse facts (age band, sex, legal status, placement type,
team). A child whose record is restricted is counted but never listed.
"""

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.encoding import force_bytes

from kinfolio import codesets
from kinfolio.audit.models import RestrictedRecord
from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare
from kinfolio.codesets.base import CodeSet
from kinfolio.journey.status import FLAGS
from kinfolio.people.models import Person
from kinfolio.workforce.models import Allocation, Team

# The allocations that make a team responsible for a child, in order of precedence.
LEAD_ROLES = ("social_worker", "personal_adviser")
NO_TEAM = "No current allocation"
# The age bands of the DfE's looked after children statistics.
AGE_BANDS = ((1, "Under 1"), (5, "1 to 4"), (10, "5 to 9"), (16, "10 to 15"))
OLDEST_BAND = "16 and over"
PSEUDONYM_SALT = "kinfolio.performance.pseudonym"
PSEUDONYM_LENGTH = 10
STATUSES = {
    "child_in_need": "open_cin",
    "child_protection": "on_cp_plan",
    "looked_after": "is_looked_after",
    "care_leaver": "is_care_leaver",
}


@dataclass(frozen=True)
class TeamCounts:
    team: str
    service: str
    children: int
    child_in_need: int
    child_protection: int
    looked_after: int
    care_leaver: int


@dataclass(frozen=True)
class PseudonymisedChild:
    pseudonym: str
    age_band: str
    sex: str
    legal_status: str
    placement_type: str
    team: str


def responsible_team(field: str = "team_id") -> Subquery:
    """The child's team: that of their allocated social worker, else personal adviser."""
    current = Allocation.objects.filter(
        child=OuterRef("pk"), end_date__isnull=True, role__in=LEAD_ROLES
    ).order_by(Case(When(role=LEAD_ROLES[0], then=0), default=1), "-start_date", "-pk")
    return Subquery(current.values(field)[:1])


def _open_children() -> QuerySet:
    """The ids of children with any of ``STATUSES`` open (a child once per status)."""
    parts = [
        FLAGS[flag][0].objects.filter(**{f"{FLAGS[flag][1]}__isnull": True}).order_by()
        for flag in STATUSES.values()
    ]
    ids = [part.values("child_id") for part in parts]
    return ids[0].union(*ids[1:], all=True)


def _joined_once(related: str, **condition) -> FilteredRelation:
    """A child's row of ``related`` meeting ``condition``; the database allows at most
    one (a unique open record per child, or per child and role), so the join cannot
    multiply the child's row."""
    return FilteredRelation(
        related, condition=Q(**{f"{related}__{k}": v for k, v in condition.items()})
    )


def caseload_summary() -> list[TeamCounts]:
    """Children open as child in need, on a child protection plan, looked after or care
    leavers, by team. A child counts once per team row and in every status that applies.

    Read from the open records (thousands) rather than every child (100,000 on a large
    authority), each status and lead allocation joined once, which the database
    guarantees (unique open record per child, per child and role)."""
    joined = {}
    for name, flag in STATUSES.items():
        model, end = FLAGS[flag]
        related = model._meta.get_field("child").remote_field.related_name
        joined[f"open_{name}"] = _joined_once(related, **{f"{end}__isnull": True})
    for role in LEAD_ROLES:
        joined[f"lead_{role}"] = _joined_once("allocations", end_date__isnull=True, role=role)
    rows = list(
        Person.objects.filter(is_child_subject=True, pk__in=_open_children())
        .alias(**joined)
        .annotate(responsible_team_id=Coalesce(*(F(f"lead_{r}__team") for r in LEAD_ROLES)))
        .values("responsible_team_id")
        .annotate(children=Count("pk"), **{name: Count(f"open_{name}") for name in STATUSES})
        .order_by()
    )
    teams = Team.objects.select_related("service").in_bulk(
        [row["responsible_team_id"] for row in rows if row["responsible_team_id"]]
    )
    summary = []
    for row in rows:
        team = teams.get(row.pop("responsible_team_id"))
        summary.append(
            TeamCounts(
                team=team.name if team else NO_TEAM,
                service=team.service.name if team else "",
                **row,
            )
        )
    return sorted(summary, key=lambda counts: (counts.team == NO_TEAM, counts.service, counts.team))


def total_counts(summary: list[TeamCounts]) -> TeamCounts:
    """The whole authority: each child belongs to one team row, so the rows add up."""
    fields = ["children", *STATUSES]
    return TeamCounts(
        team="All teams",
        service="",
        **{name: sum(getattr(row, name) for row in summary) for name in fields},
    )


def pseudonym(child_pk: int) -> str:
    """A stable pseudonym for a child: a keyed hash of the database key, so it cannot
    be reversed without the site's secret key and changes if that key does."""
    return pseudonymiser()(child_pk)


def pseudonymiser() -> Callable[[int], str]:
    """``pseudonym`` for a list of children: Django's ``salted_hmac`` with its key
    derived once rather than once per child."""
    hasher = hashlib.sha256
    key = hasher(force_bytes(PSEUDONYM_SALT) + force_bytes(settings.SECRET_KEY)).digest()

    def of(child_pk: int) -> str:
        digest = hmac.new(key, msg=str(child_pk).encode(), digestmod=hasher).hexdigest()
        return digest[:PSEUDONYM_LENGTH]

    return of


def age_band(date_of_birth: date | None, on: date) -> str:
    if date_of_birth is None:
        return "Not known"
    age = (
        on.year
        - date_of_birth.year
        - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))
    )
    for below, label in AGE_BANDS:
        if age < below:
            return label
    return OLDEST_BAND


def _looked_after_now() -> QuerySet[Person]:
    in_care = PeriodOfCare.objects.filter(end_date__isnull=True).values("child")
    return Person.objects.filter(pk__in=in_care, is_child_subject=True)


def _restricted() -> Exists:
    return Exists(RestrictedRecord.objects.filter(child=OuterRef("pk"), lifted_on__isnull=True))


def looked_after_pseudonymised(*, on: date) -> list[PseudonymisedChild]:
    """Every child looked after now whose record is not restricted, pseudonymised, in
    order of team, age band and pseudonym (never in an order that follows the record)."""
    episode = CareEpisode.objects.filter(
        period__child=OuterRef("pk"), period__end_date__isnull=True, end_date__isnull=True
    )
    rows = (
        _looked_after_now()
        .exclude(_restricted())
        .annotate(
            current_legal_status=Subquery(episode.values("legal_status")[:1]),
            current_placement_type=Subquery(episode.values("placement_type")[:1]),
            team_name=responsible_team("team__name"),
        )
        .values_list(
            "pk",
            "date_of_birth",
            "sex",
            "current_legal_status",
            "current_placement_type",
            "team_name",
        )
    )
    pseudonym_of = pseudonymiser()
    children = [
        PseudonymisedChild(
            pseudonym=pseudonym_of(pk),
            age_band=age_band(born, on),
            sex=codesets.SEX.label(sex).split(" (")[0],
            legal_status=_coded(codesets.LEGAL_STATUS, legal_status),
            placement_type=_coded(codesets.PLACEMENT_TYPE, placement_type),
            team=team or NO_TEAM,
        )
        for pk, born, sex, legal_status, placement_type, team in rows
    ]
    band_order = {label: i for i, label in enumerate([b for _, b in AGE_BANDS] + [OLDEST_BAND])}
    return sorted(
        children,
        key=lambda c: (c.team == NO_TEAM, c.team, band_order.get(c.age_band, 99), c.pseudonym),
    )


def restricted_looked_after_count() -> int:
    """Children looked after now who are counted but left out of the pseudonymised list."""
    return _looked_after_now().filter(_restricted()).count()


def _coded(codeset: CodeSet, code: str | None) -> str:
    return f"{code}: {codeset.label(code)}" if code else "Not recorded"
