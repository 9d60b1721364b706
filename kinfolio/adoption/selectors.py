"""Reads for the adopter pages and a child's adoption page."""

from django.db.models import Count, Q, QuerySet

from kinfolio.accounts.models import User
from kinfolio.adoption.models import AdopterHousehold, AdoptionPlan
from kinfolio.people.selectors import children_visible_to


def adopters() -> QuerySet[AdopterHousehold]:
    """Every adopters' record with the children placed with them (``placed``)."""
    return AdopterHousehold.objects.annotate(
        placed=Count("adoption_plans", filter=Q(adoption_plans__placed_date__isnull=False))
    ).order_by("deregistered_on", "-approval_date", "reference")


def plans_with(household: AdopterHousehold, *, user: User) -> list[AdoptionPlan]:
    """The adoption plans naming these adopters, of the children ``user`` may see."""
    return list(
        household.adoption_plans.filter(child__in=children_visible_to(user))
        .select_related("child")
        .order_by("matched_date")
    )
