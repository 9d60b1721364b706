"""What every record-making step of the generator shares: who did the work on a day,
working days, dates not yet reached on the census date, the child's views, visits."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from kinfolio.casework.models import Visit
from kinfolio.demo_authority.workforce_gen import Workforce
from kinfolio.demo_authority.world import World
from kinfolio.people.models import Person
from kinfolio.workforce.models import Team, Worker

LONDON = ZoneInfo("Europe/London")


def collection_year_end(day: date) -> date:
    """The 31 March that ends the DfE collection year holding ``day``."""
    return date(day.year + (day.month >= 4), 3, 31)


class RecordMaker:
    def __init__(self, world: World, workforce: Workforce) -> None:
        self.world = world
        self.workforce = workforce
        front_door = workforce.teams_of("front_door")
        self.mash = [t for t in front_door if t.name.startswith("MASH")]
        self.referral_teams = [t for t in front_door if not t.name.startswith("MASH")]
        self.locality_teams = workforce.teams_of("locality_cin")
        self.disability_teams = workforce.teams_of("disabilities")
        self.iro_teams = workforce.teams_of("safeguarding")
        self.early_help_teams = workforce.teams_of("early_help")

    # -- people and time ------------------------------------------------------------
    def worker_on(self, team: Team, day: date, child: Person | None = None) -> Worker:
        """Who in the team did the work that day: the child's own worker if given."""
        if child is None:
            post = self.world.rng.choice(self.workforce.posts_of(team))
        else:
            post = self.workforce.post_for(self.world, child, team)
        return post.holders_during(day, day)[0][0]

    def manager_of(self, team: Team) -> Worker:
        return self.workforce.managers[id(team)]

    def at(self, day: date, hour_from: int = 8, hour_to: int = 18) -> datetime:
        hour = self.world.rng.randint(hour_from, hour_to - 1)
        return datetime.combine(day, time(hour, self.world.rng.randint(0, 59)), tzinfo=LONDON)

    def wd(self, day: date, n: int) -> date:
        return self.world.calendar.add_working_days(day, n)

    def past(self, day: date | None) -> date | None:
        """A date, or None if it falls after the census date (it has not happened yet)."""
        return day if day is not None and day <= self.world.census else None

    def views(self, recorded_share: float = 0.85) -> dict:
        if self.world.chance(recorded_share):
            return {
                "childs_views": self.world.rng.choice(
                    [
                        "Said they feel safe at school and want things at home to be calmer.",
                        "Drew a picture of their family and talked about their dog.",
                        "Wants to see their dad more often.",
                        "Told me they worry about mum when she is sad.",
                        "Did not want to talk today but agreed to meet again next week.",
                        "Says they like their foster carer and want to stay at the same school.",
                    ]
                )
            }
        code, reason = self.world.rng.choice(
            [
                ("too_young", "Child is a baby; observed interaction with parent instead."),
                ("not_seen", "Child was asleep during the visit."),
                ("declined", "Child declined to speak with me."),
            ]
        )
        return {
            "childs_views_not_recorded_code": code,
            "childs_views_not_recorded_reason": reason,
        }

    def visits(
        self,
        child: Person,
        kind: str,
        start: date,
        end: date,
        *,
        every_wd: int,
        team: Team,
        **links,
    ) -> None:
        world = self.world
        day = self.wd(start, world.rng.randint(1, every_wd))
        while day < end:
            born = child.date_of_birth is not None and day >= child.date_of_birth
            seen = born and world.chance(0.93)
            world.rows.add(
                Visit(
                    child=child,
                    kind=kind,
                    visit_date=day,
                    worker=self.worker_on(team, day, child),
                    seen=seen,
                    seen_alone=seen and (child.age_on(day) or 0) >= 5 and world.chance(0.65),
                    **links,
                    **self.views(0.8),
                )
            )
            day = self.wd(day, every_wd + (world.rng.randint(1, 6) if world.chance(0.12) else 0))
