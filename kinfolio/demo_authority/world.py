"""The state shared while one synthetic authority is generated."""

import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from kinfolio.demo_authority.profiles import AuthorityProfile
from kinfolio.demo_authority.writer import RowWriter
from kinfolio.timescales.calendar import WorkingCalendar


@dataclass
class World:
    profile: AuthorityProfile
    rng: random.Random
    census: date
    calendar: WorkingCalendar
    seed: int = 0
    rows: RowWriter = field(default_factory=RowWriter)
    _person_numbers: itertools.count = field(default_factory=lambda: itertools.count(1))
    _reference_numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def start(self) -> date:
        """The first day of the generated flows (years of history before the census)."""
        return self.census.replace(year=self.census.year - self.profile.history_years)

    def person_id(self) -> str:
        return f"KF{next(self._person_numbers):07d}"

    def reference(self, prefix: str) -> str:
        return f"{prefix}{next(self._reference_numbers):06d}"

    def aside(self, key: str) -> random.Random:
        """Draws of their own for a detail keyed by ``key`` (such as a child's ID), so
        that adding the detail leaves every other generated figure as it was."""
        return random.Random(f"{self.seed} {key}")

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def between(self, first: date, last: date) -> date:
        """A day from first to last inclusive."""
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def working_days_after(self, day: date, n: int) -> date:
        return self.calendar.add_working_days(day, n)

    def weighted(self, pairs):
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]

    def birth_date_for_age(self, age: int, on: date) -> date:
        """A date of birth giving exactly ``age`` whole years on ``on``."""
        latest = _years_before(on, age)
        earliest = _years_before(on, age + 1) + timedelta(days=1)
        return self.between(earliest, latest)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)
