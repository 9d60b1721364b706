"""Unusual access to children's records, for the data protection officer (reads only).

Four questions about the access log in a period, each answered by aggregating it in
the database:

- *Volume*: days on which someone opened many more records than usual: more than an
  absolute threshold, or more than a multiple of their median daily views.
- *Out of hours*: views before or after working hours, at weekends and on bank holidays
  (the working-day calendar that timescales use).
- *Outside team*: views of a child who was not allocated to the viewer's team that day.
- *Refusals*: days on which someone was refused pages (403, 404) repeatedly: trying IDs
  out of their scope or restricted records.

Unusual is not wrong: a duty worker at night or a MASH worker checking history is
expected. The report is where the DPO starts asking why.
"""

import datetime as dt
from dataclasses import dataclass
from statistics import median

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractHour, TruncDate
from django.utils import timezone

from kinfolio.accounts.models import Role
from kinfolio.audit.models import AccessAction, AccessLogEntry
from kinfolio.timescales.calendar import CalendarHorizonError, default_calendar
from kinfolio.workforce.models import Allocation

BASELINE_DAYS = 90
DETAIL_LIMIT = 200


@dataclass(frozen=True)
class Thresholds:
    daily_views: int
    multiple_of_median: float
    minimum_for_multiple: int
    day_starts: int
    day_ends: int
    daily_refusals: int

    @classmethod
    def from_settings(cls, *, daily_views: int | None = None) -> "Thresholds":
        """The configured thresholds; ``daily_views`` overrides the absolute one."""
        day_starts, day_ends = settings.KINFOLIO_WORKING_HOURS
        return cls(
            daily_views=daily_views or settings.KINFOLIO_UNUSUAL_DAILY_VIEWS,
            multiple_of_median=settings.KINFOLIO_UNUSUAL_MULTIPLE_OF_MEDIAN,
            minimum_for_multiple=settings.KINFOLIO_UNUSUAL_MINIMUM_VIEWS,
            day_starts=day_starts,
            day_ends=day_ends,
            daily_refusals=settings.KINFOLIO_UNUSUAL_REFUSALS,
        )


@dataclass(frozen=True)
class HeavyDay:
    user_id: int | None
    username: str
    day: dt.date
    views: int
    median: float


def _views(start: dt.date, end: dt.date) -> QuerySet[AccessLogEntry]:
    return AccessLogEntry.objects.filter(
        action=AccessAction.VIEW_RECORD, at__date__gte=start, at__date__lte=end
    ).annotate(day=TruncDate("at"))


def heavy_days(start: dt.date, end: dt.date, thresholds: Thresholds) -> list[HeavyDay]:
    """Days in the period when a user's views passed the threshold or the multiple of
    their median over the days they viewed records in the 90 days to ``end``."""
    baseline_start = min(start, end - dt.timedelta(days=BASELINE_DAYS))
    counts = (
        _views(baseline_start, end)
        .values("user_id", "username", "day")
        .annotate(views=Count("pk"))
        .order_by()
    )
    per_user: dict[tuple, list[tuple[dt.date, int]]] = {}
    for row in counts:
        per_user.setdefault((row["user_id"], row["username"]), []).append(
            (row["day"], row["views"])
        )
    heavy = []
    for (user_id, username), days in per_user.items():
        usual = median(views for _, views in days)
        for day, views in days:
            by_multiple = (
                views >= thresholds.minimum_for_multiple
                and views > thresholds.multiple_of_median * usual
            )
            if start <= day <= end and (views > thresholds.daily_views or by_multiple):
                heavy.append(HeavyDay(user_id, username, day, views, usual))
    return sorted(heavy, key=lambda h: (-h.views, h.day, h.username))


REFUSED = (AccessAction.REFUSED_FORBIDDEN, AccessAction.REFUSED_NOT_FOUND)


@dataclass(frozen=True)
class RefusalDay:
    user_id: int | None
    username: str
    day: dt.date
    refusals: int
    children: int  # how many different children the refused pages were about


def repeated_refusals(start: dt.date, end: dt.date, thresholds: Thresholds) -> list[RefusalDay]:
    """Days in the period on which a user was refused at least the threshold of pages."""
    rows = (
        AccessLogEntry.objects.filter(action__in=REFUSED, at__date__gte=start, at__date__lte=end)
        .annotate(day=TruncDate("at"))
        .values("user_id", "username", "day")
        .annotate(refusals=Count("pk"), children=Count("child", distinct=True))
        .filter(refusals__gte=thresholds.daily_refusals)
        .order_by("-refusals", "day", "username")
    )
    return [RefusalDay(**row) for row in rows]


def refusals_of(days: list[RefusalDay]) -> QuerySet[AccessLogEntry]:
    """The refused requests behind those days, newest first."""
    match = Q(pk__in=[])
    for d in days:
        match |= Q(user_id=d.user_id, username=d.username, at__date=d.day)
    return (
        AccessLogEntry.objects.filter(match, action__in=REFUSED)
        .select_related("child")
        .order_by("-sequence")
    )


def non_working_days(start: dt.date, end: dt.date) -> list[dt.date]:
    """Weekends, bank holidays and closure days in the period (weekends only where the
    calendar's bank holiday list does not reach)."""
    calendar = default_calendar()
    days = []
    for offset in range((end - start).days + 1):
        day = start + dt.timedelta(days=offset)
        try:
            working = calendar.is_working_day(day)
        except CalendarHorizonError:
            working = day.weekday() < 5
        if not working:
            days.append(day)
    return days


def out_of_hours(start: dt.date, end: dt.date, thresholds: Thresholds) -> QuerySet:
    """Views before the working day starts, after it ends, or on a non-working day."""
    return (
        _views(start, end)
        .annotate(hour=ExtractHour("at"))
        .filter(
            Q(hour__lt=thresholds.day_starts)
            | Q(hour__gte=thresholds.day_ends)
            | Q(day__in=non_working_days(start, end))
        )
        .select_related("child", "user")
        .order_by("-at")
    )


def outside_team(start: dt.date, end: dt.date) -> QuerySet:
    """Views of a child not allocated to the viewer's team on the day (and every view by
    someone who is in no team)."""
    allocated = Allocation.objects.filter(
        child=OuterRef("child"),
        team_id=OuterRef("user__worker__team_id"),
        start_date__lte=OuterRef("day"),
    ).filter(Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("day")))
    return (
        _views(start, end)
        .filter(child__isnull=False)
        .filter(Q(user__worker__isnull=True) | ~Exists(allocated))
        .select_related("child", "user")
        .order_by("-at")
    )


def by_user(entries: QuerySet) -> list[dict]:
    """How many of these entries each user has, most first (one grouped query)."""
    rows = list(
        entries.order_by()
        .values("user_id", "username", "role")
        .annotate(views=Count("pk"))
        .order_by("-views", "username")
    )
    labels = dict(Role.choices)
    return [{**row, "role_label": labels.get(row["role"], row["role"])} for row in rows]


def why_out_of_hours(entry: AccessLogEntry, thresholds: Thresholds) -> str:
    local = timezone.localtime(entry.at)
    if local.weekday() >= 5:
        return "Weekend"
    if local.hour < thresholds.day_starts:
        return f"Before {thresholds.day_starts:02d}:00"
    if local.hour >= thresholds.day_ends:
        return f"After {thresholds.day_ends:02d}:00"
    return "Bank holiday or closure day"


@dataclass(frozen=True)
class Findings:
    """One category of unusual access: who, how many, and the newest entries."""

    by_user: list[dict]
    entries: list
    total: int


@dataclass(frozen=True)
class UnusualAccessReport:
    start: dt.date
    end: dt.date
    thresholds: Thresholds
    heavy_days: list[HeavyDay]
    out_of_hours: Findings
    outside_team: Findings
    refusal_days: list[RefusalDay]
    refusals: list[AccessLogEntry]


def _findings(entries: QuerySet, label=None) -> Findings:
    shown = list(entries[:DETAIL_LIMIT])
    if label is not None:
        shown = [(entry, label(entry)) for entry in shown]
    users = by_user(entries)
    return Findings(users, shown, sum(u["views"] for u in users))


def unusual_access_report(
    start: dt.date, end: dt.date, *, daily_views: int | None = None
) -> UnusualAccessReport:
    thresholds = Thresholds.from_settings(daily_views=daily_views)
    refusal_days = repeated_refusals(start, end, thresholds)
    return UnusualAccessReport(
        start,
        end,
        thresholds,
        heavy_days(start, end, thresholds),
        _findings(
            out_of_hours(start, end, thresholds), lambda entry: why_out_of_hours(entry, thresholds)
        ),
        _findings(outside_team(start, end)),
        refusal_days,
        list(refusals_of(refusal_days)[:DETAIL_LIMIT]),
    )
