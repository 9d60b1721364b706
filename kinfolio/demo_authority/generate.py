"""Generates a whole synthetic authority, deterministically from a seed.

The order matters: the workforce first (every record names a worker), then the
census-day stocks built exactly to the profile, then the flows of the years before.
Everything is assembled in memory and written with bulk inserts in one transaction.
"""

import random
import time
from collections.abc import Callable
from datetime import date

from django.db import connection, transaction

from kinfolio.core.models import PopulationEstimate
from kinfolio.demo_authority.care_journeys import CareJourneys
from kinfolio.demo_authority.geography import demo_locations
from kinfolio.demo_authority.manager_day import set_the_scene
from kinfolio.demo_authority.models import GeneratedAuthority
from kinfolio.demo_authority.profiles import AuthorityProfile
from kinfolio.demo_authority.safeguarding_journeys import SafeguardingJourneys
from kinfolio.demo_authority.safeguarding_records import SafeguardingRecords
from kinfolio.demo_authority.workforce_gen import (
    Workforce,
    appoint_team_managers,
    generate_workforce,
    settle_social_worker_changes,
)
from kinfolio.demo_authority.world import World
from kinfolio.people.models import Person
from kinfolio.performance.indicators.collected import POPULATION_0_17
from kinfolio.performance.indicators.periods import Period
from kinfolio.performance.models import CollectedFigure
from kinfolio.timescales.calendar import default_calendar
from kinfolio.timescales.services import refresh_clocks

SYNTHETIC_SOURCE = "Synthetic demo authority"


def authority_exists() -> bool:
    return GeneratedAuthority.objects.exists()


def generate(
    profile: AuthorityProfile,
    *,
    seed: int,
    census_date: date,
    progress: Callable[[str], None] = print,
    store_clocks: bool = True,
) -> dict[str, int]:
    """Generate the authority and write it to the database in one transaction, then
    store every clock's due date (``store_clocks``; minutes for the large authority)."""
    started = time.perf_counter()
    world, workforce = build(profile, seed=seed, census_date=census_date, progress=progress)
    progress("Writing to the database")
    with transaction.atomic():
        counts = world.rows.write(progress)
        appoint_team_managers(workforce)
        progress("Setting the team manager's present day")
        set_the_scene(seed=seed, census=census_date)
        GeneratedAuthority.objects.create(
            size=profile.size,
            seed=seed,
            census_date=census_date,
            seconds=time.perf_counter() - started,
            rows=sum(counts.values()),
        )
    # After a bulk load the query planner still thinks the tables are empty: storing
    # the clocks with those plans took minutes a query on PostgreSQL.
    _update_statistics(progress)
    if store_clocks:
        progress("Storing every clock's due date")
        refresh_clocks(Person.objects.filter(is_child_subject=True))
        _update_statistics(progress)
    return counts


def _update_statistics(progress) -> None:
    progress("Updating the database's statistics")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build(
    profile: AuthorityProfile,
    *,
    seed: int,
    census_date: date,
    progress: Callable[[str], None] = print,
) -> tuple[World, Workforce]:
    """The whole authority as unsaved rows in memory (no database access)."""
    world = World(
        profile=profile,
        rng=random.Random(seed),
        census=census_date,
        calendar=default_calendar(),
        seed=seed,
    )
    progress(
        f"Generating the {profile.size} authority: census date {census_date:%d %B %Y}, "
        f"history from {world.start:%d %B %Y}"
    )

    def step(label: str, work: Callable[[], object]) -> object:
        began = time.perf_counter()
        result = work()
        progress(
            f"  {label}: {time.perf_counter() - began:.1f}s, "
            f"{sum(world.rows.counts().values()):,} rows so far"
        )
        return result

    workforce = step("workforce", lambda: generate_workforce(world))
    records = SafeguardingRecords(world, workforce)
    safeguarding = SafeguardingJourneys(records)
    care = CareJourneys(records, safeguarding)
    step("child protection plans open on the census date", safeguarding.protection_stock)
    step("looked after children and care leavers on the census date", care.stock)
    step("care starts and ends before the census date", care.flows)
    step("contacts, referrals, assessments and plans", safeguarding.flows)
    step("social worker changes", lambda: settle_social_worker_changes(world))
    for location in demo_locations():
        world.rows.add(location)
    world.rows.add(
        PopulationEstimate(
            on_date=census_date,
            age_from=0,
            age_to=19,
            count=profile.population_0_19,
            source=profile.population_source,
        )
    )
    for figure in synthetic_populations(world):
        world.rows.add(figure)
    return world, workforce


def synthetic_populations(world: World) -> list[CollectedFigure]:
    """A population aged 0 to 17 for each financial year of the history, so rates per
    10,000 children have a denominator. It is made up (18 of the 20 single years of the
    profile's 0 to 19 population, growing 0.5% a year) and says so: a real council
    enters the ONS mid-year population estimate instead."""
    first = Period.year_containing(world.start).start.year
    last = Period.year_containing(world.census).start.year
    return [
        CollectedFigure(
            indicator_id=POPULATION_0_17,
            period=Period.financial_year(year).key,
            value=round(world.profile.population_0_19 * 18 / 20 * 1.005 ** (year - last)),
            source=SYNTHETIC_SOURCE,
        )
        for year in range(first, last + 1)
    ]
