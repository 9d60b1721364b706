from django.db.models import Exists, F, OuterRef, Q

from kinfolio.care_leavers.models import (
    CareLeaverContact,
    CareLeaverStatus,
    Eligibility,
    PathwayPlan,
    PathwayPlanReview,
    StayingPut,
    birthday_in,
)
from kinfolio.children_in_care.models import PeriodOfCare
from kinfolio.core.invariants import overlapping


def care_leaver_statuses_do_not_overlap() -> list[str]:
    return overlapping(CareLeaverStatus, partition="child")


def eligible_young_people_are_looked_after() -> list[str]:
    """ "Eligible" means still looked after: the status starts during a period of care."""
    looked_after = PeriodOfCare.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("start_date")),
        child=OuterRef("child"),
        start_date__lte=OuterRef("start_date"),
    )
    wrong = CareLeaverStatus.objects.filter(eligibility=Eligibility.ELIGIBLE).filter(
        ~Exists(looked_after)
    )
    return [f"care leaver status {s.pk}: eligible but not looked after" for s in wrong]


def pathway_plans_do_not_overlap() -> list[str]:
    return overlapping(PathwayPlan, partition="child")


def pathway_plan_reviews_lie_within_their_plan() -> list[str]:
    wrong = PathwayPlanReview.objects.filter(
        Q(review_date__lt=F("plan__start_date")) | Q(review_date__gt=F("plan__end_date"))
    )
    return [f"pathway plan review {r.pk} is dated outside its plan" for r in wrong]


def staying_put_arrangements_do_not_overlap() -> list[str]:
    return overlapping(StayingPut, partition="child")


def staying_put_starts_at_18() -> list[str]:
    rows = StayingPut.objects.values_list("pk", "start_date", "child__date_of_birth")
    return [
        f"staying put {pk} starts before the young person's 18th birthday"
        for pk, start, born in rows.iterator()
        if born is None or start < birthday_in(born, born.year + 18)
    ]


def care_leaver_contacts_are_on_a_17th_to_21st_birthday() -> list[str]:
    rows = CareLeaverContact.objects.values_list("pk", "birthday", "child__date_of_birth")
    return [
        f"care leaver contact {pk} is not recorded for a 17th to 21st birthday"
        for pk, birthday, born in rows.iterator()
        if born is None
        or birthday_in(born, birthday.year) != birthday
        or not 17 <= birthday.year - born.year <= 21
    ]


CHECKS = [
    care_leaver_statuses_do_not_overlap,
    eligible_young_people_are_looked_after,
    pathway_plans_do_not_overlap,
    pathway_plan_reviews_lie_within_their_plan,
    staying_put_arrangements_do_not_overlap,
    staying_put_starts_at_18,
    care_leaver_contacts_are_on_a_17th_to_21st_birthday,
]
