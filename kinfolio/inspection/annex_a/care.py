"""Lists 8 and 9: children in care and care leavers."""

from collections import defaultdict
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Max, Q, QuerySet

from kinfolio import codesets
from kinfolio.care_leavers.models import CareLeaverContact, CareLeaverStatus, PathwayPlan
from kinfolio.casework.models import Visit
from kinfolio.children_in_care.models import (
    CareEpisode,
    DentalCheck,
    HealthAssessment,
    LACReview,
    MissingEpisode,
    PeriodOfCare,
    UASCStatus,
)
from kinfolio.inspection.annex_a.formats import (
    ELIGIBILITY,
    IN_TOUCH,
    Period,
    child_columns,
    coded,
    disability,
    name,
    yes_no,
)
from kinfolio.inspection.annex_a.queries import allocated, open_in, per_child
from kinfolio.inspection.annex_a.safeguarding import CHILD

# Reasons for a new episode that start a new placement (SSDA903 RNE).
NEW_PLACEMENT = {"S", "P", "T", "B", "U"}


# List 8: children looked after at the period's end or who ceased in it.
def looked_after(period: Period) -> QuerySet:
    return PeriodOfCare.objects.filter(open_in(period))


def _episodes(periods: QuerySet) -> dict[int, list[dict]]:
    fields = ("period_id", "start_date", "end_date", "legal_status", "category_of_need")
    fields += ("reason_new_episode", "placement_type", "placement_provider")
    fields += ("placement_postcode", "urn", "reason_ceased")
    by_period: dict[int, list[dict]] = defaultdict(list)
    episodes = CareEpisode.objects.filter(period__in=periods).order_by("period_id", "start_date")
    for episode in episodes.values(*fields).iterator():
        by_period[episode["period_id"]].append(episode)
    return by_period


def _run_start(episodes: list[dict], same) -> object:
    """The start of the latest run of episodes for which ``same(episode)`` holds."""
    start = episodes[-1]["start_date"]
    for earlier, later in zip(reversed(episodes[:-1]), reversed(episodes[1:]), strict=True):
        if not same(later):
            break
        start = earlier["start_date"]
    return start


def looked_after_rows(period: Period) -> Iterator[tuple]:
    qualifying = looked_after(period)
    year_ago = period.end - relativedelta(years=1)
    episodes = _episodes(qualifying)
    uasc = set(
        UASCStatus.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gt=year_ago),
            start_date__lte=period.end,
            child_id__in=qualifying.values("child_id"),
        ).values_list("child_id", flat=True)
    )
    periods_in_year = per_child(
        PeriodOfCare.objects.filter(open_in(Period(year_ago, period.end))),
        qualifying,
        Count("pk"),
    )
    on_end = Q(visit_date__lte=period.end)
    latest = {
        "review": per_child(LACReview.objects.all(), qualifying, Max("review_date")),
        "visit": per_child(
            Visit.objects.filter(on_end, kind="looked_after"), qualifying, Max("visit_date")
        ),
        "health": per_child(HealthAssessment.objects.all(), qualifying, Max("assessment_date")),
        "dental": per_child(DentalCheck.objects.all(), qualifying, Max("check_date")),
    }
    missing = MissingEpisode.objects.filter(start_date__gt=year_ago, start_date__lte=period.end)
    missing_counts = {
        kind: per_child(missing.filter(missing_type=kind), qualifying, Count("pk"))
        for kind in ("M", "A")
    }
    last_missing: dict[int, dict] = {}
    for row in (
        missing.filter(missing_type="M", child_id__in=qualifying.values("child_id"))
        .order_by("child_id", "-start_date", "-pk")
        .values("child_id", "return_interview_offered_on", "return_interview_accepted")
    ):
        last_missing.setdefault(row["child_id"], row)
    workers = allocated(qualifying, "social_worker", period.end)
    for row in qualifying.values(*CHILD, "pk", "child_id", "start_date", "end_date").iterator():
        child, runs = row["child_id"], episodes.get(row["pk"])
        if not runs:
            continue  # a period with no episode yet has nothing to report
        last = runs[-1]
        ceased = row["end_date"] if row["end_date"] and row["end_date"] <= period.end else None
        placements = [
            e
            for e in runs
            if (e["end_date"] is None or e["end_date"] > year_ago)
            and (e["reason_new_episode"] in NEW_PLACEMENT or e is runs[0])
        ]
        interview = last_missing.get(child, {})
        team, worker = workers.get(child, (None, None))
        yield (
            *child_columns(row, period),
            yes_no(child in uasc),
            disability(row["child__disabilities"]),
            row["start_date"],
            coded(codesets.CATEGORY_OF_NEED, last["category_of_need"], " - "),
            yes_no(periods_in_year.get(child, 1) > 1),
            _run_start(runs, lambda e: e["reason_new_episode"] not in {"L", "B", "U"}),
            coded(codesets.LEGAL_STATUS, last["legal_status"]),
            latest["review"].get(child),
            latest["visit"].get(child),
            None,  # permanence plan: not yet recorded in Kinfolio
            None,  # IRO visits to the child: not yet recorded in Kinfolio
            latest["health"].get(child),
            latest["dental"].get(child),
            len(placements),
            ceased,
            coded(codesets.REASON_EPISODE_CEASED, last["reason_ceased"]) if ceased else None,
            _run_start(runs, lambda e: e["reason_new_episode"] not in NEW_PLACEMENT),
            coded(codesets.PLACEMENT_TYPE, last["placement_type"]),
            coded(codesets.PLACEMENT_PROVIDER, last["placement_provider"]),
            last["placement_postcode"] or None,
            last["urn"] or None,
            None,  # in or out of the council's area: boundaries are not held
            None,  # the local authority of the placement: not held
            missing_counts["M"].get(child, 0),
            missing_counts["A"].get(child, 0),
            yes_no(interview.get("return_interview_offered_on") is not None) if interview else None,
            yes_no(interview.get("return_interview_accepted")),
            team,
            worker,
        )


# List 9: care leavers entitled to leaving care services at the period's end.
def care_leavers(period: Period) -> QuerySet:
    return CareLeaverStatus.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=period.end), start_date__lte=period.end
    )


ACCOMMODATION_SUITABLE = {"1": "a) Suitable", "2": "b) Unsuitable"}


def care_leaver_rows(period: Period) -> Iterator[tuple]:
    qualifying = care_leavers(period)
    children = qualifying.values("child_id")
    ever_uasc = set(
        UASCStatus.objects.filter(child_id__in=children).values_list("child_id", flat=True)
    )
    workers = allocated(qualifying, "social_worker", period.end)
    advisers: dict[int, str | None] = {}
    for plan in (
        PathwayPlan.objects.filter(child_id__in=children, start_date__lte=period.end)
        .order_by("child_id", "-start_date")
        .values("child_id", "personal_adviser__given_name", "personal_adviser__family_name")
    ):
        advisers.setdefault(
            plan["child_id"],
            name(plan["personal_adviser__given_name"], plan["personal_adviser__family_name"]),
        )
    reviews = per_child(
        PathwayPlan.objects.filter(reviews__review_date__lte=period.end),
        qualifying,
        Max("reviews__review_date"),
    )
    contacts: dict[int, dict] = {}
    for contact in (
        CareLeaverContact.objects.filter(child_id__in=children, contact_date__lte=period.end)
        .order_by("child_id", "-contact_date", "-pk")
        .values("child_id", "contact_date", "in_touch", "activity", "accommodation")
    ):
        contacts.setdefault(contact["child_id"], contact)
    for row in qualifying.values(*CHILD, "child_id", "eligibility").iterator():
        child = row["child_id"]
        contact = contacts.get(child, {})
        accommodation = contact.get("accommodation") or ""
        accommodation = "" if accommodation == "0" else accommodation  # 0: nothing to report
        activity = contact.get("activity") or ""
        activity = "" if activity == "0" else activity
        team, worker = workers.get(child, (None, None))
        yield (
            *child_columns(row, period),
            yes_no(child in ever_uasc),
            disability(row["child__disabilities"]),
            team,
            worker,
            advisers.get(child),
            ELIGIBILITY.get(row["eligibility"]),
            reviews.get(child),
            IN_TOUCH.get(contact.get("in_touch")),
            contact.get("contact_date"),
            coded(codesets.CARE_LEAVER_ACCOMMODATION, accommodation),
            ACCOMMODATION_SUITABLE.get(accommodation[-1:]),
            coded(codesets.CARE_LEAVER_ACTIVITY, activity),
        )
