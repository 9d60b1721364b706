"""Private fostering arrangements the authority was told about, with their visits, and
allegations against people who work with children, managed by the LADO (seed 002
criticised strategy meetings not held after allegations against carers, so every
allegation records a meeting or why there was none)."""

from datetime import timedelta

from kinfolio.demo_authority import names
from kinfolio.demo_authority.families import add_child, new_family
from kinfolio.demo_authority.providers_gen import Providers
from kinfolio.demo_authority.safeguarding_records import SafeguardingRecords
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.lado.models import Allegation, HarmTest, Sector

PRIVATE_FOSTERING_PER_YEAR_PER_10K = 1.0  # of the 0-19 population, a handful a year
ALLEGATIONS_PER_YEAR_PER_10K = 5.5
SECTORS = [
    (Sector.EDUCATION, 38),
    (Sector.EARLY_YEARS, 10),
    (Sector.FOSTER_CARE, 12),
    (Sector.RESIDENTIAL, 7),
    (Sector.SOCIAL_CARE, 4),
    (Sector.HEALTH, 5),
    (Sector.POLICE, 2),
    (Sector.FAITH, 4),
    (Sector.SPORT, 6),
    (Sector.VOLUNTARY, 4),
    (Sector.TRANSPORT, 3),
    (Sector.OTHER, 5),
]
ROLES = {
    Sector.EDUCATION: ("Teacher", "a local school"),
    Sector.EARLY_YEARS: ("Nursery practitioner", "a day nursery"),
    Sector.FOSTER_CARE: ("Foster carer", "the fostering service"),
    Sector.RESIDENTIAL: ("Residential support worker", "a children's home"),
    Sector.SOCIAL_CARE: ("Family support worker", "children's services"),
    Sector.HEALTH: ("Nurse", "the hospital trust"),
    Sector.POLICE: ("Police officer", "Thames Valley Police"),
    Sector.FAITH: ("Youth leader", "a place of worship"),
    Sector.SPORT: ("Football coach", "a youth football club"),
    Sector.VOLUNTARY: ("Volunteer", "a youth charity"),
    Sector.TRANSPORT: ("Taxi driver", "a school transport contractor"),
    Sector.OTHER: ("Tutor", "a tuition agency"),
}
NOT_HELD = [
    "Did not meet the threshold after the LADO's initial consideration.",
    "Managed under the employer's own procedures on the LADO's advice.",
    "Police already investigating; information shared and advice given by telephone.",
    "Allegation withdrawn before a meeting could be arranged.",
]


def _per_year(world, rate: float) -> int:
    return max(
        1, round(world.profile.population_0_19 / 10_000 * rate * world.profile.history_years)
    )


def private_fostering(records: SafeguardingRecords) -> None:
    """Children cared for by someone not a close relative for 28 days or more, notified to
    the authority: the first visit within 7 working days, then every 6 weeks."""
    world, rng = records.world, records.world.rng
    for _ in range(_per_year(world, PRIVATE_FOSTERING_PER_YEAR_PER_10K)):
        notified = world.between(
            world.start + timedelta(days=10), world.census - timedelta(days=10)
        )
        born = world.birth_date_for_age(rng.randint(5, 15), notified)
        family = new_family(world, eldest_birth=born, moved_in=min(born, world.start))
        child = add_child(
            world, family, born=born, sex=rng.choice("FM"), moved_in=min(born, world.start)
        )
        start = notified - timedelta(days=rng.randint(0, 60))
        end = start + timedelta(days=rng.randint(60, 700))
        end = end if end < world.census else None
        first = records.wd(notified, rng.randint(1, 7) if world.chance(0.8) else rng.randint(8, 20))
        heritage = world.weighted(names.HERITAGE_WEIGHTS)
        world.rows.add(
            PrivateFosteringArrangement(
                child=child,
                notified_on=notified,
                start_date=start,
                end_date=end,
                carer_name=f"{rng.choice(names.GIVEN_NAMES[heritage]['F'])} "
                f"{rng.choice(names.FAMILY_NAMES[heritage])}",
                first_visit_due_date=records.wd(notified, 7),
                first_visit_on=first if first <= world.census else None,
            )
        )
        team = rng.choice(records.locality_teams)
        if first < (end or world.census):
            records.visits(
                child,
                "private_fostering",
                records.wd(first, -1),
                end or world.census,
                every_wd=30,
                team=team,
            )


def allegations(records: SafeguardingRecords, providers: Providers) -> None:
    world, rng = records.world, records.world.rng
    lado = records.workforce.teams_of("lado")
    for _ in range(_per_year(world, ALLEGATIONS_PER_YEAR_PER_10K)):
        received = world.between(world.start, world.census - timedelta(days=1))
        sector = world.weighted(SECTORS)
        role, employer = ROLES[sector]
        household = child = None
        if sector == Sector.FOSTER_CARE:
            placed = providers.households_with_children_on(received)
            if placed:
                household, children = rng.choice(placed)
                child = rng.choice(children)
        heritage = world.weighted(names.HERITAGE_WEIGHTS)
        subject = (
            household.carers
            if household
            else (
                f"{rng.choice(names.GIVEN_NAMES[heritage][rng.choice('FM')])} "
                f"{rng.choice(names.FAMILY_NAMES[heritage])}"
            )
        )
        held = world.weighted([(True, 6), (False, 3 if household else 2), (None, 1)])
        meeting = records.wd(received, rng.randint(1, 10)) if held else None
        if meeting and meeting > world.census:
            held, meeting = None, None
        closed = received + timedelta(days=rng.randint(20, 240))
        closed = closed if held is not None and closed <= world.census else None
        if closed and meeting and closed < meeting:
            closed = meeting
        world.rows.add(
            Allegation(
                received_on=received,
                subject_name=subject,
                subject_role=role,
                subject_employer=employer,
                sector=sector,
                foster_household=household,
                child=child,
                category=world.weighted(
                    [("PHY", 45), ("SAB", 20), ("EMO", 20), ("NEG", 10), ("MUL", 5)]
                ),
                harm_test=world.weighted(
                    [
                        (HarmTest.HARMED, 5),
                        (HarmTest.OFFENCE, 2),
                        (HarmTest.RISK, 2),
                        (HarmTest.SUITABILITY, 1),
                    ]
                ),
                designated_officer=records.worker_on(lado[0], received) if lado else None,
                strategy_meeting_held=held,
                strategy_meeting_date=meeting,
                strategy_meeting_not_held_reason=rng.choice(NOT_HELD) if held is False else "",
                outcome=world.weighted(
                    [
                        ("substantiated", 3),
                        ("unsubstantiated", 4),
                        ("unfounded", 2),
                        ("false", 1),
                        ("malicious", 1),
                    ]
                )
                if closed
                else "",
                closed_on=closed,
            )
        )
