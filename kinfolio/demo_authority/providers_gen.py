"""Where looked after children live: the authority's foster households and children's
homes, independent fostering agencies (IFAs), external homes and other providers, and
approved adopters.

Every placement is booked against its carer, so that no foster household ever has more
children at once than its approved places, and no child is placed before the household
was approved or after it was deregistered (the fostering and children in care
invariants).
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from kinfolio.adoption.models import AdopterHousehold
from kinfolio.children_in_care.models import OfstedRating, PlacementProvider
from kinfolio.demo_authority import names
from kinfolio.demo_authority.families import mk_postcode, out_of_area_postcode
from kinfolio.demo_authority.world import World
from kinfolio.fostering.models import FosterHousehold, FosteringReview, HouseholdStatus
from kinfolio.people.models import Person

FOREVER = date.max
# Needs demo foster households may be approved to meet (each for about one in four).
DEMO_NEEDS = ("sibling_group", "emergency", "teenagers", "disability", "short_breaks")
IFA_NAMES = [
    "Compass Fostering",
    "Foster Care Associates",
    "Capstone Foster Care",
    "TACT",
    "Fostering People",
    "National Fostering Agency",
    "Orange Grove Fostercare",
    "Blue Sky Fostering",
    "Heritage Foster Care",
    "Family Care Fostering",
    "Swiis Foster Care",
    "Pathway Care Fostering",
    "Clifford House Fostering",
    "Rainbow Fostering",
    "ISP Fostering",
    "Futures for Children",
]
HOME_WORDS = [
    "Oak",
    "Willow",
    "Beech",
    "Rowan",
    "Hazel",
    "Cedar",
    "Maple",
    "Linden",
    "Holly",
    "Ash",
    "Elder",
    "Birch",
    "Alder",
    "Hawthorn",
    "Juniper",
    "Laurel",
    "Aspen",
]
HOME_KINDS = ["House", "Lodge", "View", "Court", "Cottage", "Place", "Grange", "Barn"]
RATINGS = [
    (OfstedRating.OUTSTANDING, 2),
    (OfstedRating.GOOD, 6),
    (OfstedRating.REQUIRES_IMPROVEMENT, 2),
    (OfstedRating.INADEQUATE, 1),
]


# Needs a demo provider may meet, by its type; the first of each list always, the rest
# for about one in four.
PROVIDER_NEEDS = {
    "in_house_childrens_home": ("teenagers", "emergency", "disability", "sibling_group"),
    "external_childrens_home": ("teenagers", "emergency", "disability", "sibling_group"),
    "supported_accommodation": ("teenagers", "emergency"),
    "other_local_authority": ("teenagers", "disability"),
    "secure_unit": ("remand", "teenagers"),
    "parent_and_child": ("parent_and_child", "emergency"),
}


def needs_of(reference: str, choices: tuple[str, ...] = DEMO_NEEDS) -> list[str]:
    """Needs a demo household or provider meets, each of ``choices`` for about one in
    four, drawn from its reference rather than the generator's random stream (so every
    other generated figure stays as it was)."""
    digest = hashlib.sha256(reference.encode()).digest()
    return [need for need, byte in zip(choices, digest, strict=False) if byte < 64]


def provider_needs(provider_type: str, urn: str) -> list[str]:
    first, *rest = PROVIDER_NEEDS.get(provider_type, ("",))
    return [n for n in (first, *needs_of(urn, tuple(rest))) if n]


def in_area(postcode: str) -> bool:
    """Whether a postcode lies inside the authority (its own MK postcode districts; MK40
    and above are Bedford and Central Bedfordshire)."""
    found = re.match(r"MK(\d+) ", postcode or "")
    return bool(found) and int(found[1]) in names.MK_TOWNS


@dataclass
class Slot:
    """An in-house foster household and the children booked into it over time."""

    household: FosterHousehold
    bookings: list[tuple[date, date, int, list[Person]]] = field(default_factory=list)

    def fits(self, start: date, end: date | None, n: int) -> bool:
        household = self.household
        if household.approval_date is None or start < household.approval_date:
            return False
        if household.deregistered_on and (end is None or end > household.deregistered_on):
            return False
        stop = end or FOREVER
        near = [(s, e, k) for s, e, k, _ in self.bookings if s < stop and e > start]
        for point in [start] + [s for s, _, _ in near if s > start]:
            if sum(k for s, e, k in near if s <= point < e) + n > household.approved_places:
                return False
        return True


class Providers:
    def __init__(self, world: World) -> None:
        self.world = world
        profile = world.profile
        self._urns = iter(world.rng.sample(range(10_000, 99_999), 2_000))
        self._references = {"FH": 0, "IFA": 0, "AD": 0}
        self.fostering_service = self._provider(
            "Kinfolio fostering service", "in_house_fostering", in_house=True, local=True
        )
        self.homes_in_house = [
            self._provider(
                f"{self._home_name()} (short breaks and care for disabled children)",
                "in_house_childrens_home",
                in_house=True,
                local=True,
                capacity=world.rng.randint(4, 6),
            )
            for _ in range(profile.in_house_homes)
        ]
        self.ifas = [
            self._provider(self._agency_name(i), "ifa", local=world.chance(0.3))
            for i in range(profile.independent_fostering_agencies)
        ]
        self.homes_external = [
            self._provider(
                self._home_name(),
                "external_childrens_home",
                local=world.chance(0.2),
                capacity=world.rng.randint(2, 6),
            )
            for _ in range(profile.external_residential_providers)
        ]
        scale = max(1, round(profile.population_0_19 / 66_900))
        self.supported = [
            self._provider(
                f"{self._home_name()} supported accommodation",
                "supported_accommodation",
                local=world.chance(0.6),
                capacity=world.rng.randint(4, 12),
            )
            for _ in range(3 * scale)
        ]
        self.other_la_homes = [
            self._provider(
                f"{town} Council children's home",
                "other_local_authority",
                local=False,
                capacity=world.rng.randint(3, 5),
            )
            for town in ("Bedford", "Northamptonshire")[: 1 + (scale > 1)]
        ]
        self.secure = self._provider(
            "Vinney Green secure children's home", "secure_unit", local=False, capacity=24
        )
        self.parent_and_child = self._provider(
            "Acorn parent and child assessment unit", "parent_and_child", local=True, capacity=4
        )
        self.provider_codes = {
            id(p): ("PR5" if world.chance(0.25) else "PR4")
            for p in self.ifas + self.homes_external + self.supported
        }
        self.slots = self._households(profile.foster_households)
        # The agencies whose adopters children are placed with: the council's own
        # adoption service (at its fostering service's offices) and a voluntary
        # adoption agency. A placement with adopters names its agency's URN (SSDA903).
        self.adoption_agencies = {
            True: world.rows.add(
                PlacementProvider(
                    name="Kinfolio adoption service",
                    provider_type="adoption_agency",
                    in_house=True,
                    urn=self._urn(),
                    postcode=self.fostering_service.postcode,
                )
            ),
            False: world.rows.add(
                PlacementProvider(
                    name="Family Roots Adoption (voluntary adoption agency)",
                    provider_type="adoption_agency",
                    urn=self._urn(),
                )
            ),
        }

    # -- providers -----------------------------------------------------------------
    def _urn(self) -> str:
        return f"SC9{next(self._urns):05d}"

    @staticmethod
    def _agency_name(number: int) -> str:
        name = IFA_NAMES[number % len(IFA_NAMES)]
        return name if number < len(IFA_NAMES) else f"{name} ({number // len(IFA_NAMES) + 1})"

    def _home_name(self) -> str:
        return f"{self.world.rng.choice(HOME_WORDS)} {self.world.rng.choice(HOME_KINDS)}"

    def _provider(
        self,
        name: str,
        kind: str,
        *,
        local: bool,
        in_house: bool = False,
        capacity: int | None = None,
    ) -> PlacementProvider:
        world = self.world
        rating = world.weighted(RATINGS)
        urn = self._urn()
        return world.rows.add(
            PlacementProvider(
                name=name,
                provider_type=kind,
                in_house=in_house,
                urn=urn,
                needs_met=provider_needs(kind, urn),
                postcode=(mk_postcode(world) if local else out_of_area_postcode(world))[0],
                ofsted_rating=rating,
                ofsted_rating_date=world.between(
                    world.census - timedelta(days=1000), world.census - timedelta(days=30)
                ),
                capacity=capacity,
            )
        )

    def code_of(self, provider: PlacementProvider) -> str:
        """The SSDA903 placement provider code (PLACE_PROVIDER) of a provider."""
        if provider.in_house:
            return "PR1"
        if provider.provider_type in ("other_local_authority", "secure_unit"):
            return "PR2"
        return self.provider_codes.get(id(provider), "PR4")

    # -- foster households -----------------------------------------------------------
    def _reference(self, prefix: str) -> str:
        self._references[prefix] += 1
        return f"{prefix}{self._references[prefix]:04d}"

    def _carers(self) -> str:
        world = self.world
        heritage = world.weighted(names.HERITAGE_WEIGHTS)
        family = world.rng.choice(names.FAMILY_NAMES[heritage])
        partner = world.rng.choice(names.FAMILY_NAMES[heritage])
        return world.weighted(
            [
                (f"Mr and Mrs {family}", 6),
                (f"Ms {family}", 3),
                (f"Mrs {family}", 2),
                (f"Mr {family}", 1),
                (f"Ms {family} and Ms {partner}", 1),
            ]
        )

    def _households(self, count: int) -> list[Slot]:
        world, care = self.world, self.world.profile.care
        fostered = round(care.total * care.fostered_share)
        in_house = round(fostered * care.in_house_fostered_share)
        away_share = min(0.6, care.fostered_out_of_area_in_house / max(1, in_house) + 0.08)
        slots = []
        gone = round(count * 0.12)  # households that have left fostering since the window began
        for number in range(count + gone):
            deregistered = number >= count
            early = world.chance(0.65) or deregistered
            approved = (
                world.between(
                    world.census - timedelta(days=15 * 365), world.start - timedelta(days=365)
                )
                if early
                else world.between(
                    world.start - timedelta(days=365), world.census - timedelta(days=90)
                )
            )
            age_from, age_to = world.weighted([((0, 17), 7), ((0, 10), 2), ((8, 17), 2)])
            connected = world.chance(0.12)
            away = world.chance(away_share * (0.5 if connected else 1))
            household = world.rows.add(
                FosterHousehold(
                    reference=self._reference("FH"),
                    carers=self._carers(),
                    in_house=True,
                    connected_persons=connected,
                    status=HouseholdStatus.DEREGISTERED
                    if deregistered
                    else HouseholdStatus.APPROVED,
                    approval_date=approved,
                    deregistered_on=world.between(world.start, world.census - timedelta(days=30))
                    if deregistered
                    else None,
                    approved_places=world.weighted([(1, 3), (2, 5), (3, 3)]),
                    age_from=age_from,
                    age_to=age_to,
                    postcode=(out_of_area_postcode(world) if away else mk_postcode(world))[0],
                )
            )
            household.needs_met = needs_of(household.reference)
            slots.append(Slot(household))
        return slots

    def in_house_household(
        self,
        children: list[Person],
        start: date,
        end: date | None,
        *,
        connected: bool = False,
        local: bool | None = None,
        required: bool = False,
        leaving: FosterHousehold | None = None,
        home: str = "",
    ) -> FosterHousehold | None:
        """Book an in-house household with room for the children over [start, end); None
        if there is none (unless ``required``: then the least bad household is adjusted).
        A move is to another household than the one the children are ``leaving``, in
        another postcode unit (the return could not tell the two apart, rule 435), and
        never to one in the postcode unit of their ``home``."""
        rng, n = self.world.rng, len(children)
        ages = [c.age_on(start) or 0 for c in children]

        def suitable(slot: Slot, check_age: bool) -> bool:
            h = slot.household
            return (
                h is not leaving
                and (leaving is None or h.postcode != leaving.postcode)
                and h.postcode != home
                and h.connected_persons == connected
                and (local is None or in_area(h.postcode) == local)
                and (not check_age or (h.age_from <= min(ages) and max(ages) <= h.age_to))
            )

        offset = rng.randrange(len(self.slots))
        ordered = self.slots[offset:] + self.slots[:offset]
        for check_age in (True, False):
            for slot in ordered:
                if suitable(slot, check_age) and slot.fits(start, end, n):
                    return self._book(slot, start, end, children)
        if not required:
            return None
        current = [s for s in ordered if suitable(s, False) and s.household.deregistered_on is None]
        for slot in current:  # approve a household earlier than drawn
            approved = slot.household.approval_date
            slot.household.approval_date = start - timedelta(days=rng.randint(30, 365))
            if slot.fits(start, end, n):
                return self._book(slot, start, end, children)
            slot.household.approval_date = approved
        slot = current[0]  # as a last resort, the household is approved for more places
        slot.household.approval_date = min(slot.household.approval_date, start - timedelta(days=30))
        while not slot.fits(start, end, n):
            slot.household.approved_places += 1
        return self._book(slot, start, end, children)

    def _book(self, slot: Slot, start: date, end: date | None, children) -> FosterHousehold:
        slot.bookings.append((start, end or FOREVER, len(children), children))
        return slot.household

    def ifa_household(
        self,
        agency: PlacementProvider,
        children: list[Person],
        start: date,
        local: bool | None,
        *,
        avoid: frozenset[str] | set[str] = frozenset(),
    ) -> FosterHousehold:
        """A household approved by an agency, known to the authority through this placement,
        in none of the postcode units to ``avoid`` (the children's home, the placement
        they leave)."""
        world = self.world
        if local is None:
            local = world.chance(0.55)
        postcode = ""
        while not postcode or postcode in avoid:
            postcode = (mk_postcode(world) if local else out_of_area_postcode(world))[0]
        return world.rows.add(
            FosterHousehold(
                reference=self._reference("IFA"),
                carers=self._carers(),
                in_house=False,
                fostering_agency=agency,
                status=HouseholdStatus.APPROVED,
                approval_date=start - timedelta(days=world.rng.randint(60, 2500)),
                approved_places=max(len(children), world.weighted([(1, 3), (2, 5), (3, 2)])),
                postcode=postcode,
            )
        )

    def households_with_children_on(self, day: date) -> list[tuple[FosterHousehold, list[Person]]]:
        return [
            (slot.household, children)
            for slot in self.slots
            for s, e, _, children in slot.bookings
            if s <= day < e
        ]

    def write_reviews(self) -> None:
        """Each household's annual review, while approved, over the generated years."""
        world = self.world
        for slot in self.slots:
            household = slot.household
            review = household.approval_date + timedelta(days=365)
            last = min(world.census, household.deregistered_on or world.census)
            while review <= last:
                if review >= world.start:
                    world.rows.add(FosteringReview(household=household, review_date=review))
                review += timedelta(days=world.rng.randint(330, 380))

    # -- adopters ------------------------------------------------------------------------
    def adopters(self, matched: date, carers: str = "") -> AdopterHousehold:
        world = self.world
        number, sex, status = world.weighted(
            [
                ((2, "MF", "L11"), 12),
                ((2, "MF", "L2"), 2),
                ((2, "FF", "L12"), 2),
                ((2, "MM", "L12"), 1),
                ((1, "F1", "L0"), 3),
                ((1, "M1", "L0"), 1),
            ]
        )
        family = world.rng.choice(names.FAMILY_NAMES[world.weighted(names.HERITAGE_WEIGHTS)])
        title = {"MF": "Mr and Mrs", "FF": "Ms and Ms", "MM": "Mr and Mr", "F1": "Ms", "M1": "Mr"}[
            sex
        ]
        return world.rows.add(
            AdopterHousehold(
                reference=self._reference("AD"),
                adopters=carers or f"{title} {family}",
                in_house=world.chance(0.8),
                approval_date=matched - timedelta(days=world.rng.randint(20, 400)),
                number_of_adopters=number,
                sex_of_adopters=sex,
                legal_status=status,
                postcode=(
                    out_of_area_postcode(world) if world.chance(0.55) else mk_postcode(world)
                )[0],
            )
        )
