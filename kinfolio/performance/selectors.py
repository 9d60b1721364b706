"""Reads for performance analysts and managers: counts and pseudonymised lists.

These reads span every child in the authority, so they do not start from
``children_visible_to``; instead they never return a child's record, name, Kinfolio ID
or date of birth. Counts are computed by the database; each pseudonymised row carries
only a stable pseudonym and coarse facts (age band, sex, legal status, placement type,
team). A child whose record is restricted is counted but never listed.
"""

import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Case, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils.encoding import force_bytes

from kinfolio import codesets
from kinfolio.audit.models import RestrictedRecord
from kinfolio.codesets.base import CodeSet
from kinfolio.core.paging import ReadInPages
from kinfolio.performance.models import OpenChild

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


def caseload_summary() -> list[TeamCounts]:
    """Children open as child in need, on a child protection plan, looked after or care
    leavers, by team. A child counts once per team row and in every status that applies.

    Counted from the stored rows (``OpenChild``, one a child with anything open, kept by
    ``services.open_children``) in one query: no join multiplies a child's row."""
    rows = (
        OpenChild.objects.values("team__name", "team__service__name")
        .annotate(
            children=Count("pk"),
            **{name: Count("pk", filter=Q(**{name: True})) for name in STATUSES},
        )
        .order_by()
    )
    summary = [
        TeamCounts(
            team=row.pop("team__name") or NO_TEAM,
            service=row.pop("team__service__name") or "",
            **row,
        )
        for row in rows
    ]
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
    key = hashlib.sha256(force_bytes(PSEUDONYM_SALT) + force_bytes(settings.SECRET_KEY)).digest()

    def of(child_pk: int) -> str:
        digest = hmac.digest(key, str(child_pk).encode(), "sha256")  # OpenSSL's, in one call
        return digest.hex()[:PSEUDONYM_LENGTH]

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


def _restricted() -> Exists:
    return Exists(RestrictedRecord.objects.filter(child=OuterRef("pk"), lifted_on__isnull=True))


def _years_before(on: date, years: int) -> date:
    """The latest date of birth of someone ``years`` old or more on ``on``."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February, in a year without one
        return on.replace(year=on.year - years, day=28)


def _band_order(on: date) -> Case:
    """The place of ``age_band(date_of_birth, on)`` in the bands' order, by the database:
    youngest first, then 16 and over, then not known."""
    bands = [
        When(date_of_birth__gt=_years_before(on, below), then=Value(i))
        for i, (below, _) in enumerate(AGE_BANDS)
    ]
    return Case(
        When(date_of_birth__isnull=True, then=Value(len(AGE_BANDS) + 1)),
        *bands,
        default=Value(len(AGE_BANDS)),
    )


class _Listed(ReadInPages):
    """The pseudonymised list in its order, read a page at a time: the database counts
    the children in each team and age band, and only the groups a page reaches are read
    and sorted by pseudonym (a keyed hash the database cannot compute)."""

    def __init__(self, children: QuerySet, on: date):
        self._children = children.annotate(band=_band_order(on))
        self._on = on
        groups = (
            self._children.values("team_id", "band")
            .annotate(n=Count("pk"))
            .order_by(F("team__name").asc(nulls_last=True), "band")
        )
        self._groups = [(row["team_id"], row["band"], row["n"]) for row in groups]

    def __len__(self) -> int:
        return sum(n for _, _, n in self._groups)

    def _read(self, start: int, stop: int) -> list:
        reached, first, at = [], None, 0
        for order, (team, band, n) in enumerate(self._groups):
            if at < stop and at + n > start:
                reached.append((order, team, band))
                first = at if first is None else first
            at += n
        if not reached:
            return []
        return [self._shown(*row) for _, row in self._sorted(reached)[start - first : stop - first]]

    def _sorted(self, reached: list[tuple]) -> list[tuple]:
        """The children of the groups (team and age band) reached, in the list's order."""
        which = reduce(or_, (Q(team_id=team, band=band) for _, team, band in reached))
        place = {(team, band): order for order, team, band in reached}
        found = self._children.filter(which).values_list(
            "child_id",
            "team_id",
            "band",
            "date_of_birth",
            "sex",
            "legal_status",
            "placement_type",
            "team__name",
        )
        pseudonym_of = pseudonymiser()
        rows = []
        for pk, team, band, *shown in found:
            pseudonym = pseudonym_of(pk)
            rows.append(((place[(team, band)], pseudonym), (pseudonym, *shown)))
        rows.sort(key=lambda row: row[0])
        return rows

    def _shown(self, pseudonym, born, sex, legal, placement, team) -> PseudonymisedChild:
        return PseudonymisedChild(
            pseudonym=pseudonym,
            age_band=age_band(born, self._on),
            sex=codesets.SEX.label(sex).split(" (")[0],
            legal_status=_coded(codesets.LEGAL_STATUS, legal),
            placement_type=_coded(codesets.PLACEMENT_TYPE, placement),
            team=team or NO_TEAM,
        )


def looked_after_pseudonymised(*, on: date) -> Sequence[PseudonymisedChild]:
    """Every child looked after now whose record is not restricted, pseudonymised, in
    order of team, age band and pseudonym (never in an order that follows the record).
    Read from the stored rows (``OpenChild``); a page of the list reads only its own."""
    return _Listed(OpenChild.objects.filter(looked_after=True).exclude(_restricted()), on)


def restricted_looked_after_count() -> int:
    """Children looked after now who are counted but left out of the pseudonymised list."""
    return OpenChild.objects.filter(looked_after=True).filter(_restricted()).count()


def _coded(codeset: CodeSet, code: str | None) -> str:
    return f"{code}: {codeset.label(code)}" if code else "Not recorded"
