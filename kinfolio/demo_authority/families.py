"""Synthetic families: children, their parents and siblings, and where they live."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from kinfolio.demo_authority import names
from kinfolio.demo_authority.postcodes import postcodes_by_area
from kinfolio.demo_authority.world import World
from kinfolio.people.models import Address, Person, Relationship


@dataclass
class Family:
    heritage: str
    family_name: str
    mother: Person
    father: Person | None
    children: list[Person] = field(default_factory=list)
    postcode: str = ""


def mk_postcode(world: World) -> tuple[str, str]:
    district = world.rng.choice(list(names.MK_TOWNS))
    return world.rng.choice(postcodes_by_area()[f"MK{district}"]), names.MK_TOWNS[district]


def out_of_area_postcode(world: World) -> tuple[str, str]:
    area, town = world.rng.choice(names.OUT_OF_AREA)
    return world.rng.choice(postcodes_by_area()[area]), town


def new_family(world: World, *, eldest_birth: date | None, moved_in: date) -> Family:
    """Parents, born a plausible number of years before their eldest child, and a home."""
    heritage = world.weighted(names.HERITAGE_WEIGHTS)
    family_name = world.rng.choice(names.FAMILY_NAMES[heritage])
    anchor = eldest_birth or moved_in
    mother = _adult(world, heritage, family_name, "F", anchor, 17, 40)
    father = None
    if world.chance(0.55):
        father_heritage = heritage if world.chance(0.8) else world.weighted(names.HERITAGE_WEIGHTS)
        father = _adult(
            world,
            father_heritage,
            world.rng.choice(names.FAMILY_NAMES[father_heritage])
            if world.chance(0.4)
            else family_name,
            "M",
            anchor,
            18,
            48,
        )
    postcode, town = mk_postcode(world)
    family = Family(heritage, family_name, mother, father, postcode=postcode)
    for adult in filter(None, (mother, father)):
        _address(world, adult, postcode, town, moved_in)
    return family


def add_child(
    world: World,
    family: Family,
    *,
    born: date | None,
    sex: str,
    expected: date | None = None,
    moved_in: date,
) -> Person:
    """A child of the family: born on ``born``, or unborn and expected on ``expected``."""
    heritage = family.heritage
    if family.father is not None and world.chance(0.15):
        heritage = "mixed"
    local_id = world.person_id()
    school_age_by_census = born is not None and born < world.census - timedelta(days=4 * 365)
    child = world.rows.add(
        Person(
            local_id=local_id,
            given_name="" if born is None else world.rng.choice(names.GIVEN_NAMES[heritage][sex]),
            family_name=family.family_name,
            sex=sex,
            date_of_birth=born,
            expected_date_of_birth=expected,
            ethnicity=world.weighted(names.ETHNICITY_BY_HERITAGE[heritage]),
            is_child_subject=True,
            first_language="English"
            if heritage in {"white_british", "black_caribbean", "mixed"} or world.chance(0.6)
            else world.rng.choice(
                ["Polish", "Urdu", "Tamil", "Romanian", "Somali", "Bengali", "Punjabi", "Arabic"]
            ),
            nhs_number=_nhs_number(world) if born else "",
            # A child not yet at school has no UPN; the returns then say why (UN1).
            upn=pupil_number(local_id) if school_age_by_census else "",
            upn_unknown_reason="" if school_age_by_census else "UN1",
        )
    )
    parents = [("mother", family.mother), ("father", family.father)]
    for relationship_type, parent in parents:
        if parent is None:
            continue
        world.rows.add(
            Relationship(
                person=parent,
                other=child,
                relationship_type=relationship_type,
                has_parental_responsibility=True,
                lives_with=True,
            )
        )
    for sibling in family.children:
        world.rows.add(
            Relationship(person=sibling, other=child, relationship_type="sibling", lives_with=True)
        )
    family.children.append(child)
    if born is not None:
        postcode, town = family.postcode, names.MK_TOWNS[int(family.postcode.split()[0][2:])]
        _address(world, child, postcode, town, max(born, moved_in))
    return child


def _adult(
    world: World,
    heritage: str,
    family_name: str,
    sex: str,
    anchor: date,
    youngest: int,
    oldest: int,
) -> Person:
    age = world.rng.randint(youngest, oldest)
    return world.rows.add(
        Person(
            local_id=world.person_id(),
            given_name=world.rng.choice(names.GIVEN_NAMES[heritage][sex]),
            family_name=family_name,
            sex=sex,
            date_of_birth=world.birth_date_for_age(age, anchor),
            ethnicity=world.weighted(names.ETHNICITY_BY_HERITAGE[heritage]),
        )
    )


def _address(world: World, person: Person, postcode: str, town: str, start: date) -> None:
    world.rows.add(
        Address(
            person=person,
            line_1=f"{world.rng.randint(1, 180)} {world.rng.choice(names.STREETS)}",
            town=town,
            postcode=postcode,
            start_date=start,
        )
    )


def _nhs_number(world: World) -> str:
    """Ten digits with a valid modulus 11 check digit, in the 999 range kept for testing."""
    while True:
        digits = [9, 9, 9] + [world.rng.randint(0, 9) for _ in range(6)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


UPN_CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def pupil_number(local_id: str) -> str:
    """A UPN that passes the DfE's checks yet can belong to no real pupil.

    The DfE's "Unique Pupil Numbers (UPNs)" guidance builds a UPN from a check letter,
    the 3-digit LA number, the 4-digit establishment number, the last two digits of
    the year it was allocated and a 3-digit serial, the check letter being the sum of
    each digit times its position (2 to 13) modulo 23, mapped to A-Z without I, O and
    S. Here the LA number is 001, one of the "pseudo LA" codes the validators accept
    (001-005) rather than any council's number (those start at 201), and the year
    digits are 98: a UPN allocated in 1998 cannot be that of a child born since, as
    every synthetic child is. The other seven digits come from the child's Kinfolio
    number, so no two children share a UPN (CIN rule 1520, SSDA903 rule 444).
    """
    serial = int(local_id.removeprefix("KF"))
    digits = f"001{serial // 1000:04d}98{serial % 1000:03d}"
    return upn_check_letter(digits) + digits


def upn_check_letter(digits: str) -> str:
    """The check letter of a permanent UPN's twelve digits."""
    total = sum(int(digit) * weight for weight, digit in enumerate(digits, start=2))
    return UPN_CHECK_LETTERS[total % 23]
