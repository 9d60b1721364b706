"""Reads for the foster household pages."""

from django.db.models import Count, Prefetch, Q, QuerySet

from kinfolio.accounts.models import User
from kinfolio.children_in_care.models import CareEpisode, PlacementProvider
from kinfolio.fostering.models import FosterHousehold, FosteringReview, HouseholdStatus
from kinfolio.people.selectors import children_visible_to


def households() -> QuerySet[FosterHousehold]:
    """Every household with the number of children placed with it now (``placed``)."""
    return (
        FosterHousehold.objects.select_related("fostering_agency")
        .annotate(placed=Count("care_episodes", filter=Q(care_episodes__end_date__isnull=True)))
        .order_by("status", "reference")
    )


def closed_enquiries() -> QuerySet[FosterHousehold]:
    """Enquiries that ended before approval: kept on record, off the active list."""
    return FosterHousehold.objects.filter(status=HouseholdStatus.CLOSED)


def household_with_reviews() -> QuerySet[FosterHousehold]:
    return households().prefetch_related(
        Prefetch("reviews", FosteringReview.objects.order_by("-review_date"))
    )


def children_placed_with(household: FosterHousehold, *, user: User) -> list[CareEpisode]:
    """The current placements with the household of the children ``user`` may see."""
    return _placed_now(user, foster_household=household)


def _placed_now(user: User, **where) -> list[CareEpisode]:
    return list(
        CareEpisode.objects.filter(
            **where, end_date__isnull=True, period__child__in=children_visible_to(user)
        )
        .select_related("period__child")
        .order_by("start_date")
    )


def vacancies_of(household: FosterHousehold) -> str:
    """Places free now (``household`` from ``households()``), as the page says it."""
    if household.status == HouseholdStatus.ON_HOLD:
        return "None: on hold"
    if household.status != HouseholdStatus.APPROVED:
        return "None"
    return str(max(0, household.approved_places - household.placed))


def providers(provider_type: str = "") -> QuerySet[PlacementProvider]:
    """The placement providers (of one type, or all) with the number of children placed
    there now (``placed``), by name."""
    rows = PlacementProvider.objects.annotate(
        placed=Count("care_episodes", filter=Q(care_episodes__end_date__isnull=True))
    ).order_by("name", "pk")
    return rows.filter(provider_type=provider_type) if provider_type else rows


def children_placed_at(provider: PlacementProvider, *, user: User) -> list[CareEpisode]:
    """The current placements with the provider of the children ``user`` may see."""
    return _placed_now(user, provider=provider)
