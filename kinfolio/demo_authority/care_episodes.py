"""A looked after child's period of care as the SSDA903 return sees it: placements
("stays"), legal statuses, and the contiguous episodes they cut the period into.

A new episode starts whenever the legal status, the placement or the carer changes; its
reason for a new episode (RNE) says which changed, and the episode before it ceases X1.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from kinfolio.children_in_care.models import CareEpisode, PeriodOfCare, PlacementProvider
from kinfolio.fostering.models import FosterHousehold
from kinfolio.people.models import Person

# Registered supported accommodation (K3) replaced semi-independent living (H5) from the
# 2024/25 collection year; H5 is last accepted in 2024/25.
SUPPORTED_FROM = date(2024, 4, 1)
FOSTERED = ("U1", "U2", "U3", "U4", "U5", "U6")
CHANGE_REASONS = [
    ("CARPL", 10),
    ("CREQB", 4),
    ("CREQO", 3),
    ("CHILD", 2),
    ("LAREQ", 2),
    ("STAND", 1),
    ("ALLEG", 1),
    ("CLOSE", 1),
    ("OTHER", 1),
]


def collection_year(day: date) -> int:
    """The SSDA903 collection year a day falls in, named by the year it ends (31 March)."""
    return day.year + 1 if day.month >= 4 else day.year


@dataclass
class Stay:
    """One placement: a carer or provider, from ``start`` until the next stay (or the end
    of care). ``phases`` are the placement types it has over time with the same carer
    (short-term fostering becoming long-term, fostering for adoption becoming placed for
    adoption)."""

    start: date
    kind: str
    phases: list[tuple[date, str]]
    household: FosterHousehold | None = None
    provider: PlacementProvider | None = None
    provider_code: str = ""
    postcode: str = ""
    urn: str = ""
    change_reason: str = ""  # why the child left this placement, if they moved on

    @property
    def place(self) -> str:
        return self.phases[-1][1]


@dataclass
class CareHistory:
    """A child's (or a sibling group's) whole period of care, before it is written."""

    children: list[Person]
    entry: date
    exit: date | None
    exit_reason: str
    need: str
    home_postcode: str
    stays: list[Stay] = field(default_factory=list)
    legal: list[tuple[date, str]] = field(default_factory=list)
    periods: list[PeriodOfCare] = field(default_factory=list)
    uasc: bool = False
    adoption_route: bool = False

    def stay_on(self, day: date) -> Stay:
        current = self.stays[0]
        for stay in self.stays:
            if stay.start <= day:
                current = stay
        return current

    def legal_on(self, day: date) -> str:
        current = self.legal[0][1]
        for start, status in self.legal:
            if start <= day:
                current = status
        return current


def supported_phases(start: date, end: date | None) -> list[tuple[date, str]]:
    """Semi-independent (H5) before K3 existed; registered supported accommodation (K3)
    after, with a change of placement type on the day K3 began if the stay spans it."""
    if start >= SUPPORTED_FROM:
        return [(start, "K3")]
    if end is not None and end <= SUPPORTED_FROM:
        return [(start, "H5")]
    return [(start, "H5"), (SUPPORTED_FROM, "K3")]


def legal_path(world, entry: date, stop: date, route: str) -> list[tuple[date, str]]:
    """Legal statuses from entry: ``s20`` accommodation only; ``order`` (police
    protection, an EPO or s20, then interim and full care orders); ``proceedings`` (care
    proceedings from the start); ``adoption`` (proceedings ending in a placement order,
    whose E1 date the caller adds)."""
    rng = world.rng
    if route == "s20":
        return [(entry, "V2")]
    first = (
        world.weighted([("C1", 5), ("V2", 3), ("L1", 1), ("L2", 1)])
        if route == "order"
        else world.weighted([("C1", 7), ("L2", 2), ("L1", 1)])
    )
    path, day = [(entry, first)], entry
    if first in ("L1", "L2"):
        # An emergency protection order lasts up to 8 days, police protection 72 hours
        # (Children Act 1989, ss45(1) and 46(6)); one draw either way keeps the rest of
        # the authority as it was.
        days = rng.randint(1, 8)
        day = entry + timedelta(days=days if first == "L2" else 1 + (days - 1) % 3)
        path.append((day, "V2" if route == "order" and world.chance(0.3) else "C1"))
    if path[-1][1] == "V2":
        if not world.chance(0.45):
            return [p for p in path if p[0] < stop]
        day += timedelta(days=rng.randint(30, 300))
        path.append((day, "C1"))
    if route != "adoption":
        day += timedelta(days=rng.randint(150, 330))
        path.append((day, "C2"))
    return [p for p in path if p[0] < stop]


def write_periods(world, history: CareHistory) -> None:
    """One period of care per child, with its episodes (siblings share the timeline)."""
    boundaries: dict[date, set[str]] = {}
    for stay in history.stays[1:]:
        boundaries.setdefault(stay.start, set()).add("stay")
    for stay in history.stays:
        for start, _ in stay.phases[1:]:
            boundaries.setdefault(start, set()).add("phase")
    for start, _ in history.legal[1:]:
        boundaries.setdefault(start, set()).add("legal")
    days = [history.entry] + sorted(
        d for d in boundaries if history.entry < d and (history.exit is None or d < history.exit)
    )
    for child in history.children:
        period = world.rows.add(
            PeriodOfCare(child=child, start_date=history.entry, end_date=history.exit)
        )
        history.periods.append(period)
        for number, day in enumerate(days):
            end = days[number + 1] if number + 1 < len(days) else history.exit
            stay = history.stay_on(day)
            place = [p for start, p in stay.phases if start <= day][-1]
            changed = boundaries.get(day, set())
            if number == 0:
                reason_new = "S"
            elif "stay" in changed:
                reason_new = "B" if "legal" in changed else "P"
            elif "phase" in changed:
                reason_new = "U" if "legal" in changed else "T"
            else:
                reason_new = "L"
            following = boundaries.get(end, set()) if number + 1 < len(days) else set()
            world.rows.add(
                CareEpisode(
                    period=period,
                    start_date=day,
                    end_date=end,
                    legal_status=history.legal_on(day),
                    category_of_need=history.need,
                    reason_new_episode=reason_new,
                    placement_type=place,
                    placement_provider=stay.provider_code,
                    placement_postcode=stay.postcode,
                    home_postcode=history.home_postcode,
                    urn=stay.urn,
                    reason_ceased=("X1" if number + 1 < len(days) else history.exit_reason)
                    if end
                    else "",
                    reason_place_change=stay.change_reason
                    if "stay" in following
                    else "PLACE"
                    if "phase" in following
                    else "",
                    foster_household=stay.household,
                    provider=stay.provider,
                )
            )
