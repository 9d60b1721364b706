"""Placement search: where a child could live now. In-house and agency foster
households approved for the child's age and needs with a place free, and children's
homes and supported accommodation with room, nearest the child's home first, each
with the 20-miles-from-home and outside-the-authority flags.

Vacancies are counted, not typed in: approved places (or a provider's registered
capacity) less the children placed there now. A household on hold has none; a
connected persons household is approved for a named child and is not searched. A
household already fostering three children (the usual fostering limit, Children Act
1989, Schedule 7) is offered only under an exemption naming the child.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, Least

from kinfolio import codesets
from kinfolio.children_in_care.models import CareEpisode, PlacementProvider
from kinfolio.core.paging import ReadInPages
from kinfolio.core.queries import CodePointOrder, JSONListHolds
from kinfolio.fostering.models import FosterHousehold, HouseholdStatus, LimitExemption
from kinfolio.fostering.services.limits import USUAL_FOSTERING_LIMIT
from kinfolio.people.models import Address, Person
from kinfolio.postcodes.models import normalise_postcode
from kinfolio.postcodes.selectors import (
    Distance,
    distance_between,
    locations,
    miles_from,
    out_of_area,
)

IN_HOUSE_FOSTER, AGENCY_FOSTER = "in_house_foster", "agency_foster"
CHILDRENS_HOME, SUPPORTED = "childrens_home", "supported_accommodation"
KINDS = {
    IN_HOUSE_FOSTER: "In-house foster carers",
    AGENCY_FOSTER: "Independent fostering agency carers",
    CHILDRENS_HOME: "Children's homes",
    SUPPORTED: "Supported accommodation (16 and 17 year olds)",
}
HOME_TYPES = ("in_house_childrens_home", "external_childrens_home")
# Supported Accommodation (England) Regulations 2023: for looked after 16 and 17 year olds.
SUPPORTED_FROM_AGE = 16
# Placement codes the care pages start from (SSDA903): a foster placement that is not
# long term (U6; U3 for family and friends is never searched), a children's home (K2),
# registered supported accommodation (K3); the authority's own provision is PR1.
PLACEMENT_TYPE = {IN_HOUSE_FOSTER: "U6", AGENCY_FOSTER: "U6", CHILDRENS_HOME: "K2", SUPPORTED: "K3"}
OWN_PROVISION = "PR1"
assert all(code in codesets.PLACEMENT_TYPE for code in PLACEMENT_TYPE.values())
assert OWN_PROVISION in codesets.PLACEMENT_PROVIDER


@dataclass(frozen=True)
class Candidate:
    kind: str
    name: str
    postcode: str
    vacancies: int
    ages: str
    needs: str
    distance: Distance
    out_of_area: bool | None
    household_id: int | None = None
    provider_id: int | None = None
    own_provision: bool = False

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def choice(self) -> dict[str, str]:
        """What the start-care and record-a-change pages are filled in with."""
        chosen = {"placement_type": PLACEMENT_TYPE[self.kind]}
        if self.own_provision:
            chosen["placement_provider"] = OWN_PROVISION
        if self.household_id:
            chosen["foster_household"] = str(self.household_id)
        else:
            chosen["provider"] = str(self.provider_id)
        return chosen


def home_postcode_of(child: Person) -> str:
    """The child's home: the home postcode of their current care episode when looked
    after (SSDA903 HOME_POST), else their current address."""
    current = CareEpisode.objects.filter(period__child=child, end_date__isnull=True)
    home = current.exclude(home_postcode="").values_list("home_postcode", flat=True).first()
    if home:
        return home
    address = Address.objects.filter(person=child, end_date__isnull=True).first()
    return address.postcode if address else ""


def needs_text(needs_met: list[str]) -> str:
    """The needs a household or provider meets, as the pages say them."""
    met = set(needs_met)
    return ", ".join(label for code, label in codesets.PLACEMENT_NEED.choices if code in met) or (
        "None recorded"
    )


def _placed_now(field: str) -> Coalesce:
    """Children placed there now (open care episodes naming the household or provider):
    a subquery on the episode's indexed foreign key, not a join grouped over every row."""
    placed = (
        CareEpisode.objects.filter(**{field: OuterRef("pk")}, end_date__isnull=True)
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(placed), 0)


def _households(
    kinds: set[str], age: int, needs: set[str], child: Person, on: date
) -> QuerySet[FosterHousehold]:
    in_house = [k == IN_HOUSE_FOSTER for k in kinds & {IN_HOUSE_FOSTER, AGENCY_FOSTER}]
    # A household already fostering the usual limit is offered only under an exemption in
    # force naming this child (placing checks the rest: ``limits.check_placement``).
    # Both rules at once, so the database counts each household's children once:
    # fewer placed than its places and than the limit (unless exempt).
    exempt = LimitExemption.objects.filter(children=child, granted_on__lte=on, until__gte=on)
    limit = Case(
        When(pk__in=exempt.values("household_id"), then=F("approved_places")),
        default=Least("approved_places", Value(USUAL_FOSTERING_LIMIT)),
    )
    return (
        FosterHousehold.objects.filter(
            *(JSONListHolds("needs_met", need) for need in sorted(needs)),
            status=HouseholdStatus.APPROVED,
            connected_persons=False,
            in_house__in=in_house,
            age_from__lte=age,
            age_to__gte=age,
        )
        .alias(room=limit)
        .annotate(placed=_placed_now("foster_household"))
        .filter(placed__lt=F("room"))
    )


def _providers(kinds: set[str], age: int, needs: set[str]) -> QuerySet[PlacementProvider]:
    types = {CHILDRENS_HOME: HOME_TYPES, SUPPORTED: ("supported_accommodation",)}
    wanted = [t for k in kinds & set(types) for t in types[k]]
    if age < SUPPORTED_FROM_AGE:
        wanted = [t for t in wanted if t != "supported_accommodation"]
    return (
        PlacementProvider.objects.filter(
            *(JSONListHolds("needs_met", need) for need in sorted(needs)),
            provider_type__in=wanted,
            capacity__isnull=False,
        )
        .annotate(placed=_placed_now("provider"))
        .filter(capacity__gt=F("placed"))
    )


def _household_name(household: FosterHousehold) -> str:
    agency = household.fostering_agency
    return f"{household.carers} ({household.reference})" + (f", {agency.name}" if agency else "")


def _sides(households: QuerySet, providers: QuerySet, home: tuple | None, within: float | None):
    """Each kind of place as rows of one shape (its kind, id and name for ordering), with
    the distance from home, within ``within`` miles (or not known) when it is given."""
    household_name = Concat(
        "carers",
        Value(" ("),
        "reference",
        Value(")"),
        Coalesce(Concat(Value(", "), "fostering_agency__name"), Value("")),
    )
    household_kind = Case(
        When(in_house=True, then=Value(IN_HOUSE_FOSTER)), default=Value(AGENCY_FOSTER)
    )
    provider_kind = Case(
        When(provider_type="supported_accommodation", then=Value(SUPPORTED)),
        default=Value(CHILDRENS_HOME),
    )
    sides = []
    for places, kind, name in (
        (households, household_kind, household_name),
        (providers, provider_kind, F("name")),
    ):
        side = places.alias(distance=miles_from(home, "postcode")).annotate(
            kind=kind, place=F("pk"), sort_name=CodePointOrder(name)
        )
        if within is not None:
            side = side.filter(Q(distance__isnull=True) | Q(distance__lte=within))
        sides.append(side.order_by())
    return sides


def _ordered(sides: list[QuerySet]) -> QuerySet:
    """Both kinds of place in one list ordered by the database: nearest first, those whose
    distance cannot be calculated last, each distance's places by name (as Python orders
    names), as the search ordered them when it computed every place in Python."""
    columns = ("kind", "place", "miles", "sort_name")
    households, providers = (
        side.annotate(miles=F("distance")).values_list(*columns) for side in sides
    )
    return households.union(providers, all=True).order_by(
        F("miles").asc(nulls_last=True), "sort_name", "kind", "place"
    )


def _counted(sides: list[QuerySet]) -> QuerySet:
    """The same places, for counting them (without their distance unless filtered by it)."""
    households, providers = (side.values_list("kind", "place") for side in sides)
    return households.union(providers, all=True)


class Found(ReadInPages):
    """The places found, in the search's order, read a page at a time: the database
    counts them and orders them by distance, and a page reads only its own places."""

    def __init__(self, home: str, households=None, providers=None, sides=None):
        self.home, self._households, self._providers = home, households, providers
        self._ordered = _ordered(sides) if sides else None
        self._counted = _counted(sides) if sides else None

    def __len__(self) -> int:
        if self._ordered is None:
            return 0
        if not hasattr(self, "_count"):
            self._count = self._counted.count()
        return self._count

    def _read(self, start: int, stop: int) -> list:
        return self._candidates(list(self._ordered[start:stop]))

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def _candidates(self, rows: list[tuple]) -> list[Candidate]:
        wanted = {kind: [place for k, place, *_ in rows if k == kind] for kind in KINDS}
        households = self._households.select_related("fostering_agency").in_bulk(
            wanted[IN_HOUSE_FOSTER] + wanted[AGENCY_FOSTER]
        )
        providers = self._providers.in_bulk(wanted[CHILDRENS_HOME] + wanted[SUPPORTED])
        places = [
            (kind, (providers if kind in (CHILDRENS_HOME, SUPPORTED) else households)[place])
            for kind, place, *_ in rows
        ]
        known = locations([self.home, *(place.postcode for _, place in places)])
        return [self._candidate(kind, place, known) for kind, place in places]

    def _candidate(self, kind: str, place, known: dict) -> Candidate:
        common = {
            "kind": kind,
            "postcode": place.postcode,
            "needs": needs_text(place.needs_met),
            "distance": distance_between(self.home, place.postcode, known),
            "out_of_area": out_of_area(place.postcode),
            "own_provision": place.in_house,
        }
        if isinstance(place, FosterHousehold):
            return Candidate(
                name=_household_name(place),
                vacancies=place.approved_places - place.placed,
                ages=f"{place.age_from} to {place.age_to}",
                household_id=place.pk,
                **common,
            )
        return Candidate(
            name=place.name,
            vacancies=place.capacity - place.placed,
            ages="16 to 17" if kind == SUPPORTED else "Any",
            provider_id=place.pk,
            **common,
        )


def search_placements(
    *,
    child: Person,
    on: date,
    kinds: set[str] | None = None,
    needs: set[str] = frozenset(),
    within_miles: float | None = None,
) -> Found:
    """Places free for ``child`` on ``on``, nearest first; those whose distance cannot
    be calculated come last (and are kept whatever ``within_miles`` is: they are not
    known to be further). Read a page at a time (``Found``)."""
    home = home_postcode_of(child)
    age = child.age_on(on)
    if age is None or age > 17:
        return Found(home)
    kinds = set(kinds or KINDS)
    point = locations([home]).get(normalise_postcode(home))
    households = _households(kinds, age, set(needs), child, on)
    providers = _providers(kinds, age, set(needs))
    sides = _sides(households, providers, point, within_miles)
    return Found(home, households, providers, sides)
