"""Lists 6 and 7: children in need and child protection."""

from collections import defaultdict
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta
from django.db.models import Max, Q, QuerySet

from kinfolio import codesets
from kinfolio.assessments.models import Assessment
from kinfolio.casework.models import Visit
from kinfolio.children_in_care.models import CareEpisode
from kinfolio.inspection.annex_a.formats import (
    CATEGORY_OF_ABUSE,
    Period,
    child_columns,
    coded,
    disability,
    name,
    yes_no,
)
from kinfolio.inspection.annex_a.queries import open_in, per_child
from kinfolio.inspection.annex_a.safeguarding import CHILD
from kinfolio.protection.models import ChildProtectionConference, ChildProtectionPlan
from kinfolio.referrals.models import CINEpisode, CINPlan


# List 6: children in need in the period (not only referred): the latest episode each.
def children_in_need(period: Period) -> QuerySet:
    return CINEpisode.objects.filter(
        open_in(period, "referral_date", "close_date"), nfa=False
    ).order_by("child_id", "-referral_date", "-pk")


def _case_statuses(period: Period, children: QuerySet) -> dict[int, str]:
    """What each open case is at the period's end, most intensive first."""
    on_end = Q(start_date__lte=period.end) & (Q(end_date__isnull=True) | Q(end_date__gt=period.end))
    ids = children.values("child_id")
    status: dict[int, str] = {}
    sources = [
        ("d) Open assessment", Assessment.objects.filter(authorised_date__isnull=True), "child"),
        ("c) Child in need plan", CINPlan.objects.filter(on_end), "child"),
        ("b) Child Protection plan", ChildProtectionPlan.objects.filter(on_end), "child"),
        ("a) Looked after child", CareEpisode.objects.filter(on_end), "period__child"),
    ]
    for label, queryset, child in sources:  # more intensive statuses overwrite the others
        found = queryset.filter(**{f"{child}_id__in": ids}).values_list(f"{child}_id", flat=True)
        for child_id in found:
            status[child_id] = label
    return status


def child_in_need_rows(period: Period) -> Iterator[tuple]:
    qualifying = children_in_need(period)
    seen = per_child(Visit.objects.filter(seen=True), qualifying, Max("visit_date"))
    status = _case_statuses(period, qualifying)
    fields = (*CHILD, "child_id", "referral_date", "primary_need", "close_date", "close_reason")
    fields += ("team__name", "worker__given_name", "worker__family_name")
    last_child = None
    for row in qualifying.values(*fields).iterator():
        if row["child_id"] == last_child:
            continue  # an earlier episode of a child already listed
        last_child = row["child_id"]
        closed = row["close_date"] is not None and row["close_date"] <= period.end
        yield (
            *child_columns(row, period),
            disability(row["child__disabilities"]),
            row["referral_date"],
            coded(codesets.CATEGORY_OF_NEED, row["primary_need"], " - "),
            seen.get(row["child_id"]),
            row["close_date"] if closed else None,
            coded(codesets.CIN_CLOSURE_REASON, row["close_reason"], " - ") if closed else None,
            "e) Closed episode" if closed else status.get(row["child_id"], "c) Child in need plan"),
            row["team__name"],
            name(row["worker__given_name"], row["worker__family_name"]),
        )


# List 7: child protection plans open in the period (current, or ended in it).
def protection_plans(period: Period) -> QuerySet:
    return ChildProtectionPlan.objects.filter(open_in(period))


# The legal statuses that mean an emergency protection order or police protection.
EMERGENCY_STATUSES = ("L1", "L2")


def protection_rows(period: Period) -> Iterator[tuple]:
    qualifying = protection_plans(period)
    plan_ids = qualifying.values("pk")
    visits: dict[int, dict] = {}
    for visit in (
        Visit.objects.filter(cp_plan_id__in=plan_ids)
        .order_by("cp_plan_id", "-visit_date", "-pk")
        .values("cp_plan_id", "visit_date", "seen_alone")
        .iterator()
    ):
        visits.setdefault(visit["cp_plan_id"], visit)  # the latest visit of each plan
    reviews = dict(
        ChildProtectionConference.objects.filter(conference_type="review", cp_plan_id__in=plan_ids)
        .values("cp_plan_id")
        .annotate(v=Max("conference_date"))
        .order_by()
        .values_list("cp_plan_id", "v")
    )
    emergency = set(
        CareEpisode.objects.filter(
            legal_status__in=EMERGENCY_STATUSES,
            start_date__gt=period.end - relativedelta(months=6),
            start_date__lte=period.end,
            period__child_id__in=qualifying.values("child_id"),
        ).values_list("period__child_id", flat=True)
    )
    starts: dict[int, list] = defaultdict(list)
    for child_id, start in ChildProtectionPlan.objects.filter(
        child_id__in=qualifying.values("child_id")
    ).values_list("child_id", "start_date"):
        starts[child_id].append(start)
    fields = (*CHILD, "pk", "child_id", "start_date", "end_date")
    fields += ("initial_category", "latest_category", "cin_episode__team__name")
    fields += ("cin_episode__worker__given_name", "cin_episode__worker__family_name")
    for row in qualifying.values(*fields).iterator():
        visit = visits.get(row["pk"], {})
        yield (
            *child_columns(row, period),
            disability(row["child__disabilities"]),
            row["start_date"],
            CATEGORY_OF_ABUSE.get(row["initial_category"]),
            CATEGORY_OF_ABUSE.get(row["latest_category"] or row["initial_category"]),
            visit.get("visit_date"),
            yes_no(visit.get("seen_alone")),
            reviews.get(row["pk"]),
            row["end_date"] if row["end_date"] and row["end_date"] <= period.end else None,
            yes_no(row["child_id"] in emergency),
            sum(start < row["start_date"] for start in starts[row["child_id"]]),
            row["cin_episode__team__name"],
            name(row["cin_episode__worker__given_name"], row["cin_episode__worker__family_name"]),
        )
