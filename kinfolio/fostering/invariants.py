from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from kinfolio.children_in_care.models import CareEpisode
from kinfolio.core.invariants import overlapping
from kinfolio.fostering.models import FosteringReview, PrivateFosteringArrangement


def fostering_reviews_while_approved() -> list[str]:
    wrong = FosteringReview.objects.filter(
        Q(household__approval_date__isnull=True)
        | Q(review_date__lt=F("household__approval_date"))
        | Q(review_date__gt=F("household__deregistered_on"))
    )
    return [f"fostering review {r.pk} dated outside the household's approval" for r in wrong]


def foster_households_within_approved_places() -> list[str]:
    """No more children placed at once than the household's approved places (as approved
    now: Kinfolio keeps the current approval, not its history)."""
    at_the_same_time = (
        CareEpisode.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("start_date")),
            foster_household=OuterRef("foster_household"),
            start_date__lte=OuterRef("start_date"),
        )
        .order_by()
        .values("foster_household")
        .annotate(n=Count("pk"))
        .values("n")
    )
    wrong = (
        CareEpisode.objects.filter(foster_household__isnull=False)
        .annotate(placed=Coalesce(Subquery(at_the_same_time), 0))
        .filter(placed__gt=F("foster_household__approved_places"))
    )
    return [f"care episode {e.pk}: foster household over its approved places" for e in wrong]


def private_fostering_arrangements_do_not_overlap() -> list[str]:
    return overlapping(PrivateFosteringArrangement, partition="child")


CHECKS = [
    fostering_reviews_while_approved,
    foster_households_within_approved_places,
    private_fostering_arrangements_do_not_overlap,
]
