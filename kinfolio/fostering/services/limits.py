"""Room for a child where they are placed: a foster household's approved places, a
provider's registered capacity, and the usual fostering limit (Children Act 1989,
Schedule 7): a person may not foster more than three children (paragraph 2) unless the
children are all brothers and sisters (paragraph 3) or the local authority exempts them,
naming the children they may foster (paragraph 4). Placing a child beyond the places or
capacity is refused; over the limit, unless one of the two applies. An exemption is
recorded here. A child who leaves on the day another arrives frees their place that day.
"""

from collections.abc import Iterable
from datetime import date
from itertools import combinations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kinfolio.accounts.models import User
from kinfolio.children_in_care.models import CareEpisode, PlacementProvider
from kinfolio.core.writes import create_record
from kinfolio.fostering.models import FosterHousehold, HouseholdStatus, LimitExemption
from kinfolio.people.models import Person, Relationship

USUAL_FOSTERING_LIMIT = 3
SCHEDULE_7 = "Children Act 1989, Schedule 7"
SIBLINGS = ("sibling", "half_sibling", "step_sibling")


def placed_on(household: FosterHousehold, day: date) -> set[int]:
    """The children placed with the household on ``day`` (ids)."""
    return _placed(day, foster_household=household)


def _placed(day: date, **where) -> set[int]:
    rows = CareEpisode.objects.filter(start_date__lte=day, **where).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=day)
    )
    return set(rows.values_list("period__child_id", flat=True))


def _children(n: int) -> str:
    return f"{n} child" if n == 1 else f"{n} children"


def all_siblings(children: Iterable[int]) -> bool:
    """Every two of the children are recorded as brothers and sisters (either way)."""
    ids = set(children)
    pairs = Relationship.objects.filter(
        person_id__in=ids, other_id__in=ids, relationship_type__in=SIBLINGS
    ).values_list("person_id", "other_id")
    known = {frozenset(pair) for pair in pairs}
    return all(frozenset(pair) in known for pair in combinations(ids, 2))


def exemption_for(household: FosterHousehold, children: set[int], day: date):
    """An exemption in force on ``day`` naming every one of ``children``, if any."""
    for exemption in household.limit_exemptions.filter(
        granted_on__lte=day, until__gte=day
    ).prefetch_related("children"):
        if children <= {c.pk for c in exemption.children.all()}:
            return exemption
    return None


def check_placement(*, household: FosterHousehold, child: Person, day: date) -> None:
    """Refuse placing ``child`` with ``household`` on ``day`` when it would take the
    household beyond its approved places, or over the usual fostering limit without
    siblings or an exemption."""
    children = placed_on(household, day) | {child.pk}
    if len(children) > household.approved_places:
        raise ValidationError(
            {
                "foster_household": f"{household.carers} are approved for "
                f"{_children(household.approved_places)} and "
                f"{_children(len(children - {child.pk}))} placed with them on "
                f"{day:%-d %B %Y}: there is no place for this child. Choose another "
                "placement, or change the household's approval first."
            }
        )
    if len(children) <= USUAL_FOSTERING_LIMIT:
        return
    if all_siblings(children) or exemption_for(household, children, day):
        return
    raise ValidationError(
        {
            "foster_household": f"{household.carers} would foster {len(children)} children: "
            f"above the usual fostering limit of {USUAL_FOSTERING_LIMIT} ({SCHEDULE_7}). "
            "Place them only if the children are all brothers and sisters, or once an "
            "exemption naming each child is recorded on the household's page."
        }
    )


def check_capacity(*, provider: PlacementProvider, child: Person, day: date) -> None:
    """Refuse placing ``child`` with ``provider`` on ``day`` beyond the number of children
    it is registered for (an agency, with no capacity of its own, is not counted)."""
    if provider.capacity is None:
        return
    children = _placed(day, provider=provider) | {child.pk}
    if len(children) > provider.capacity:
        raise ValidationError(
            {
                "provider": f"{provider.name} is registered for "
                f"{_children(provider.capacity)} and has "
                f"{_children(len(children - {child.pk}))} placed there on "
                f"{day:%-d %B %Y}: there is no place for this child. Choose another "
                "placement."
            }
        )


def grant_exemption(
    *,
    household: FosterHousehold,
    granted_by: str,
    granted_on: date,
    until: date,
    children: list[Person],
    conditions: str,
    by: User,
) -> LimitExemption:
    """Record the local authority's exemption of an approved household from the usual
    fostering limit for the named children, from ``granted_on`` until ``until``."""
    errors = {}
    if not granted_by.strip():
        errors["granted_by"] = "Enter the name and role of the person who granted it"
    if granted_on > timezone.localdate():
        errors["granted_on"] = "The exemption cannot be granted on a day still to come"
    if until < granted_on:
        errors["until"] = "The exemption cannot end before it was granted"
    if len(children) <= USUAL_FOSTERING_LIMIT:
        errors["children"] = (
            f"Name every child the household may foster: more than {USUAL_FOSTERING_LIMIT}, "
            "or no exemption is needed"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        household = FosterHousehold.objects.select_for_update(of=("self",)).get(pk=household.pk)
        if household.status not in (HouseholdStatus.APPROVED, HouseholdStatus.ON_HOLD):
            raise ValidationError("Only an approved household can be exempted.")
        exemption = create_record(
            instance=LimitExemption(
                household=household,
                granted_by=granted_by.strip(),
                granted_on=granted_on,
                until=until,
                conditions=conditions.strip(),
            ),
            by=by,
        )
        exemption.children.set(children)
    return exemption
