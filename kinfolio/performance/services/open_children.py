"""The caseload summary's stored rows (``OpenChild``): each child's open statuses and
responsible team, stored again with the child's deadline clocks
(``timescales.services.refresh_clocks`` calls ``store``), so the summary counts a few
thousand narrow rows instead of joining every open record on each request."""

from django.db.models import Case, OuterRef, Subquery, When

from kinfolio.children_in_care.models import CareEpisode
from kinfolio.journey.status import with_status_flags
from kinfolio.people.models import Person
from kinfolio.performance.models import OpenChild
from kinfolio.performance.selectors import STATUSES
from kinfolio.workforce.models import Allocation

# The allocations that make a team responsible for a child, in order of precedence.
LEAD_ROLES = ("social_worker", "personal_adviser")


def _responsible_team() -> Subquery:
    """The child's team: that of their allocated social worker, else personal adviser."""
    current = Allocation.objects.filter(
        child=OuterRef("pk"), end_date__isnull=True, role__in=LEAD_ROLES
    ).order_by(Case(When(role=LEAD_ROLES[0], then=0), default=1), "-start_date", "-pk")
    return Subquery(current.values("team_id")[:1])


def store(child_ids: list[int]) -> int:
    """Store again the rows of these children, in the caller's transaction: a row for
    each child with any status open, none for the others. Returns the rows stored."""
    episode = CareEpisode.objects.filter(
        period__child=OuterRef("pk"), period__end_date__isnull=True, end_date__isnull=True
    )
    found = (
        with_status_flags(Person.objects.filter(pk__in=child_ids, is_child_subject=True))
        .annotate(
            lead_team=_responsible_team(),
            current_legal_status=Subquery(episode.values("legal_status")[:1]),
            current_placement_type=Subquery(episode.values("placement_type")[:1]),
        )
        .values(
            "pk",
            "date_of_birth",
            "sex",
            "lead_team",
            "current_legal_status",
            "current_placement_type",
            *STATUSES.values(),
        )
    )
    rows = [
        OpenChild(
            child_id=row["pk"],
            team_id=row["lead_team"],
            date_of_birth=row["date_of_birth"],
            sex=row["sex"],
            legal_status=row["current_legal_status"] or "",
            placement_type=row["current_placement_type"] or "",
            **{name: row[flag] for name, flag in STATUSES.items()},
        )
        for row in found
        if any(row[flag] for flag in STATUSES.values())
    ]
    OpenChild.objects.filter(child_id__in=child_ids).delete()
    OpenChild.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
