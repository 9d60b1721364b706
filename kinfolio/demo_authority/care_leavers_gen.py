"""Care leavers: their status over time (eligible while looked after at 16 or 17,
relevant if they left care then, former relevant from 18), personal adviser, pathway
plan and its reviews, the yearly SSDA903 OC3 information, staying put and the health
history they are given."""

from datetime import date, timedelta

from kinfolio.care_leavers.models import (
    CareLeaverContact,
    CareLeaverStatus,
    Eligibility,
    HealthHistoryGiven,
    PathwayPlan,
    PathwayPlanReview,
    StayingPut,
)
from kinfolio.demo_authority.care_records import CareRecords, birthday
from kinfolio.fostering.models import FosterHousehold
from kinfolio.people.models import Person

IN_TOUCH = [("YES", 86), ("NO", 5), ("REFU", 3), ("NREQ", 4), ("RHOM", 2)]
ACTIVITY = [
    ("F2", 22),
    ("P2", 5),
    ("F1", 6),
    ("P1", 1),
    ("F4", 4),
    ("P4", 1),
    ("F5", 10),
    ("P5", 6),
    ("G4", 7),
    ("G5", 30),
    ("G6", 8),
]
ACCOMMODATION = [
    ("D1", 20),
    ("E1", 8),
    ("U1", 22),
    ("B1", 10),
    ("T1", 6),
    ("C1", 3),
    ("K1", 3),
    ("Y1", 2),
    ("D2", 3),
    ("S2", 2),
    ("V2", 2),
    ("W2", 1),
    ("X2", 2),
    ("R2", 1),
    ("U2", 2),
]
THIRTEEN_WEEKS = timedelta(days=91)


def eligible_from(born: date, entry: date) -> date:
    """The day a young person becomes an eligible child: 16, and looked after for 13 weeks
    since their 14th birthday (in one period here)."""
    return max(birthday(born, 16), max(entry, birthday(born, 14)) + THIRTEEN_WEEKS)


class CareLeavers:
    def __init__(self, care: CareRecords) -> None:
        self.care = care
        self.records = care.records
        self.world = care.world
        self.teams = self.records.workforce.teams_of("leaving_care")

    def write(
        self,
        child: Person,
        *,
        eligible: date,
        left: date | None,
        staying_put_with: FosterHousehold | None = None,
    ) -> None:
        """Statuses, adviser, pathway plan, OC3 and staying put for one young person who
        became eligible on ``eligible`` and left care on ``left`` (None: still in care)."""
        world, rng = self.world, self.world.rng
        born = child.date_of_birth
        after = (
            None
            if left is None
            else (
                Eligibility.FORMER_RELEVANT if left >= birthday(born, 18) else Eligibility.RELEVANT
            )
        )
        world.rows.add(
            CareLeaverStatus(
                child=child, eligibility=Eligibility.ELIGIBLE, start_date=eligible, end_date=left
            )
        )
        if after:
            world.rows.add(CareLeaverStatus(child=child, eligibility=after, start_date=left))
        team = rng.choice(self.teams)
        adviser = self.care.allocate(child, "personal_adviser", team, eligible, None)
        self._pathway_plan(child, eligible, adviser)
        if left is None:
            return
        if left >= world.start:
            self.records.visits(child, "care_leaver", left, world.census, every_wd=40, team=team)
        staying = None
        if staying_put_with is not None:
            end = min(left + timedelta(days=rng.randint(120, 1100)), birthday(born, 21))
            staying = (left, end if end <= world.census else None)
            world.rows.add(
                StayingPut(
                    child=child,
                    foster_household=staying_put_with,
                    start_date=left,
                    end_date=staying[1],
                )
            )
        for age in range(17, 22):
            day = birthday(born, age)
            if left <= day <= world.census:
                self._oc3(
                    child, day, staying is not None and (staying[1] is None or day < staying[1])
                )
        if world.chance(0.8):
            given = left + timedelta(days=rng.randint(-60, 45))
            if given <= world.census:
                world.rows.add(HealthHistoryGiven(child=child, given_on=given))

    def _pathway_plan(self, child: Person, eligible: date, adviser) -> None:
        world, rng = self.world, self.world.rng
        start = min(world.census, eligible + timedelta(days=rng.randint(0, 75)))
        holders = adviser.holders_during(start, start) if adviser else []
        plan = world.rows.add(
            PathwayPlan(
                child=child, start_date=start, personal_adviser=holders[0][0] if holders else None
            )
        )
        due = start + timedelta(days=182)
        while True:
            held = (
                due - timedelta(days=rng.randint(0, 25))
                if world.chance(0.85)
                else due + timedelta(days=rng.randint(5, 60))
            )
            if held > world.census:
                world.rows.add(PathwayPlanReview(plan=plan, due_date=due))
                return
            if held >= world.start:
                world.rows.add(PathwayPlanReview(plan=plan, due_date=due, review_date=held))
            due = held + timedelta(days=182)

    def _oc3(self, child: Person, day: date, staying_put: bool) -> None:
        world = self.world
        in_touch = "YES" if staying_put else world.weighted(IN_TOUCH)
        if in_touch in ("RHOM", "NO"):
            activity = accommodation = "0"
        else:
            activity = world.weighted(ACTIVITY)
            accommodation = "Z1" if staying_put else world.weighted(ACCOMMODATION)
        contact = None
        if in_touch != "NO":
            contact = day + timedelta(days=world.rng.randint(-60, 30))
            contact = min(contact, world.census)
        world.rows.add(
            CareLeaverContact(
                child=child,
                birthday=day,
                contact_date=contact,
                in_touch=in_touch,
                activity=activity,
                accommodation=accommodation,
            )
        )
