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

from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from kinfolio import codesets
from kinfolio.children_in_care.models import CareEpisode, PlacementProvider
from kinfolio.fostering.models import FosterHousehold, HouseholdStatus, LimitExemption
from kinfolio.fostering.services.limits import USUAL_FOSTERING_LIMIT
from kinfolio.people.models import Address, Person
from kinfolio.postcodes.selectors import Distance, distance_between, locations, out_of_area

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
) -> list[tuple[str, FosterHousehold]]:
    in_house = [k == IN_HOUSE_FOSTER for k in kinds & {IN_HOUSE_FOSTER, AGENCY_FOSTER}]
    rows = (
        FosterHousehold.objects.filter(
            status=HouseholdStatus.APPROVED,
            connected_persons=False,
            in_house__in=in_house,
            age_from__lte=age,
            age_to__gte=age,
        )
        .select_related("fostering_agency")
        .annotate(placed=_placed_now("foster_household"))
        .filter(approved_places__gt=F("placed"))
    )
    # A household already fostering the usual limit is offered only under an exemption in
    # force naming this child (placing checks the rest: ``limits.check_placement``).
    exempt = set(
        LimitExemption.objects.filter(
            children=child, granted_on__lte=on, until__gte=on
        ).values_list("household_id", flat=True)
    )
    return [
        (IN_HOUSE_FOSTER if h.in_house else AGENCY_FOSTER, h)
        for h in rows
        if needs <= set(h.needs_met) and (h.placed < USUAL_FOSTERING_LIMIT or h.pk in exempt)
    ]


def _providers(kinds: set[str], age: int, needs: set[str]) -> list[tuple[str, PlacementProvider]]:
    types = {CHILDRENS_HOME: HOME_TYPES, SUPPORTED: ("supported_accommodation",)}
    wanted = [t for k in kinds & set(types) for t in types[k]]
    if age < SUPPORTED_FROM_AGE:
        wanted = [t for t in wanted if t != "supported_accommodation"]
    rows = (
        PlacementProvider.objects.filter(provider_type__in=wanted, capacity__isnull=False)
        .annotate(placed=_placed_now("provider"))
        .filter(capacity__gt=F("placed"))
    )
    return [
        (SUPPORTED if p.provider_type == "supported_accommodation" else CHILDRENS_HOME, p)
        for p in rows
        if needs <= set(p.needs_met)
    ]


def search_placements(
    *,
    child: Person,
    on: date,
    kinds: set[str] | None = None,
    needs: set[str] = frozenset(),
    within_miles: float | None = None,
) -> list[Candidate]:
    """Places free for ``child`` on ``on``, nearest first; those whose distance cannot
    be calculated come last (and are kept whatever ``within_miles`` is: they are not
    known to be further)."""
    age = child.age_on(on)
    if age is None or age > 17:
        return []
    kinds = set(kinds or KINDS)
    home = home_postcode_of(child)
    households = _households(kinds, age, set(needs), child, on)
    providers = _providers(kinds, age, set(needs))
    known = locations(
        [home, *(h.postcode for _, h in households), *(p.postcode for _, p in providers)]
    )
    found = [
        Candidate(
            kind=kind,
            name=f"{h.carers} ({h.reference})"
            + (f", {h.fostering_agency.name}" if h.fostering_agency else ""),
            postcode=h.postcode,
            vacancies=h.approved_places - h.placed,
            ages=f"{h.age_from} to {h.age_to}",
            needs=needs_text(h.needs_met),
            distance=distance_between(home, h.postcode, known),
            out_of_area=out_of_area(h.postcode),
            household_id=h.pk,
            own_provision=h.in_house,
        )
        for kind, h in households
    ] + [
        Candidate(
            kind=kind,
            name=p.name,
            postcode=p.postcode,
            vacancies=p.capacity - p.placed,
            ages="16 to 17" if kind == SUPPORTED else "Any",
            needs=needs_text(p.needs_met),
            distance=distance_between(home, p.postcode, known),
            out_of_area=out_of_area(p.postcode),
            provider_id=p.pk,
            own_provision=p.in_house,
        )
        for kind, p in providers
    ]
    if within_miles is not None:
        found = [c for c in found if c.distance.miles is None or c.distance.miles <= within_miles]
    return sorted(found, key=lambda c: (c.distance.miles is None, c.distance.miles or 0, c.name))
