"""The register of placement providers other than foster households: children's homes
(the council's own and external), independent fostering agencies, supported
accommodation, secure units and parent and child units, with the places they are
registered for and the needs they meet, which placement search matches."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio import codesets
from kinfolio.accounts.models import User
from kinfolio.children_in_care.models import OfstedRating, PlacementProvider
from kinfolio.core.writes import create_record, edit_record, refuse_future_dates
from kinfolio.postcodes.models import normalise_postcode

# Fostering agencies place children with their households (each a foster household
# here, with its own approved places): the agency itself has no capacity to search.
NO_CAPACITY_TYPES = ("ifa", "other_local_authority", "adoption_agency")


def _checked(
    *,
    name: str,
    provider_type: str,
    postcode: str,
    urn: str,
    capacity: int | None,
    ofsted_rating: str,
    ofsted_rating_date: date | None,
    needs_met: list[str],
) -> dict:
    """The provider's details, cleaned, or a refusal naming every field at fault."""
    errors = {}
    if not (name or "").strip():
        errors["name"] = "Enter the provider's name"
    if codesets.PROVIDER_TYPE.get(provider_type or "") is None:
        errors["provider_type"] = "Select the kind of provider"
    if postcode and not normalise_postcode(postcode):
        errors["postcode"] = "Enter a real postcode, like MK9 3EJ"
    if capacity is not None and provider_type in NO_CAPACITY_TYPES:
        errors["capacity"] = (
            "An agency's places are its foster households': leave the number of places empty"
        )
    elif capacity is None and provider_type not in NO_CAPACITY_TYPES:
        errors["capacity"] = "Enter the number of children the provider is registered for"
    unknown = [n for n in needs_met if codesets.PLACEMENT_NEED.get(n) is None]
    if unknown:
        errors["needs_met"] = "Select needs from the list"
    if ofsted_rating and ofsted_rating not in OfstedRating.values:
        errors["ofsted_rating"] = "Select Ofsted's judgement"
    if ofsted_rating_date and not ofsted_rating:
        errors["ofsted_rating"] = "Select Ofsted's judgement for the date of the judgement"
    if errors:
        raise ValidationError(errors)
    refuse_future_dates(ofsted_rating_date=ofsted_rating_date)
    return {
        "name": name.strip(),
        "provider_type": provider_type,
        "postcode": normalise_postcode(postcode) if postcode else "",
        "urn": (urn or "").strip().upper(),
        "capacity": capacity,
        "ofsted_rating": ofsted_rating,
        "ofsted_rating_date": ofsted_rating_date,
        "needs_met": sorted(set(needs_met)),
    }


def add_provider(*, in_house: bool, by: User, **details) -> PlacementProvider:
    """Add a provider to the register (the model refuses a second provider with the
    same Ofsted URN)."""
    provider = PlacementProvider(in_house=in_house, **_checked(**details))
    return create_record(instance=provider, by=by)


def change_provider(
    *,
    provider: PlacementProvider,
    in_house: bool,
    opened_version: int | None = None,
    by: User,
    **details,
) -> PlacementProvider:
    """Change a provider's details. Its capacity cannot fall below the children placed
    there now: they would be over its registration."""
    cleaned = _checked(**details)
    with transaction.atomic():
        placed = provider.care_episodes.filter(end_date__isnull=True).count()
        if cleaned["capacity"] is not None and cleaned["capacity"] < placed:
            raise ValidationError(
                {"capacity": f"{placed} children are placed there now: the places cannot be fewer"}
            )
        with edit_record(instance=provider, by=by, opened_version=opened_version) as row:
            row.in_house = in_house
            for field, value in cleaned.items():
                setattr(row, field, value)
    return provider
