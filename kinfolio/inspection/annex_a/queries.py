"""Query helpers shared by the lists: bounded, grouped reads keyed by child."""

from datetime import date

from django.db.models import F, Q, QuerySet

from kinfolio.inspection.annex_a.formats import Period, name
from kinfolio.workforce.models import Allocation


def open_in(period: Period, start: str = "start_date", end: str = "end_date") -> Q:
    """Open at any time in the period."""
    return Q(**{f"{start}__lte": period.end}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": period.start})
    )


def per_child(queryset: QuerySet, children: QuerySet, value, child: str = "child") -> dict:
    """One grouped query: child id -> aggregate, for the children on the list."""
    rows = queryset.filter(**{f"{child}_id__in": children.values("child_id")})
    rows = rows.values(key=F(f"{child}_id")).annotate(v=value).order_by()
    return {r["key"]: r["v"] for r in rows}


def allocated(children: QuerySet, role: str, on: date) -> dict[int, tuple[str, str | None]]:
    """Child id -> (team, worker) of the allocation in ``role`` current on ``on``."""
    current = Allocation.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=on),
        role=role,
        start_date__lte=on,
        child_id__in=children.values("child_id"),
    ).order_by("child_id", "start_date", "pk")
    fields = ("child_id", "team__name", "worker__given_name", "worker__family_name")
    return {
        row["child_id"]: (
            row["team__name"],
            name(row["worker__given_name"], row["worker__family_name"]),
        )
        for row in current.values(*fields)
    }
