"""Children's journeys through the front door, child in need and child protection.

The census-day stock of child protection plans is built exactly to the profile; the
years before it are filled with flows: referrals, re-referrals, assessments in and out
of time, enquiries, conferences and plans that began and ended before the census date.
"""

import heapq
import itertools
from collections import deque
from datetime import date, timedelta

from kinfolio.demo_authority.families import add_child, new_family
from kinfolio.demo_authority.records_base import collection_year_end
from kinfolio.demo_authority.safeguarding_records import SafeguardingRecords
from kinfolio.demo_authority.workforce_gen import allocate
from kinfolio.people.models import Person
from kinfolio.referrals.models import CINEpisode

TWO_YEARS = 730
PRE_BIRTH = timedelta(days=150)  # a pre-birth plan begins at most this long before the due date


class SafeguardingJourneys:
    def __init__(self, records: SafeguardingRecords) -> None:
        self.records = records
        self.world = records.world
        # Children whose last episode closed, by close date, to draw re-referrals from.
        self._closing: list[tuple[date, int, Person]] = []
        self._recently_closed: deque[tuple[date, Person]] = deque()
        self._busy_until: dict[int, date] = {}
        self._early_help_until: dict[int, date] = {}
        self._order = itertools.count()  # breaks ties in the heap the same way every run

    # -- the census-day stock of child protection plans ------------------------------
    def protection_stock(self) -> list[Person]:
        world, stock = self.world, self.world.profile.protection
        bands = (
            ["unborn"] * stock.unborn
            + ["0-4"] * stock.under_5
            + ["5-11"] * stock.age_5_to_11
            + ["12-17"] * stock.age_12_plus
        )
        sexes = ["F"] * stock.female + ["M"] * stock.male
        categories = [code for code, n in stock.by_category.items() for _ in range(n)]
        world.rng.shuffle(sexes)
        world.rng.shuffle(categories)
        world.rng.shuffle(bands)
        children = []
        while bands:
            size = min(len(bands), world.weighted([(1, 5), (2, 3), (3, 2)]))
            group, bands = bands[:size], bands[size:]
            plan_start = world.between(
                world.census - timedelta(days=TWO_YEARS - 30), world.census - timedelta(days=7)
            )
            family = new_family(world, eldest_birth=None, moved_in=world.start)
            siblings = []
            for band in sorted(group, key=lambda b: b != "unborn"):
                if band == "unborn":
                    child = add_child(
                        world,
                        family,
                        born=None,
                        sex="U",
                        expected=world.census + timedelta(days=world.rng.randint(20, 120)),
                        moved_in=world.start,
                    )
                else:
                    low, high = map(int, band.split("-"))
                    born = world.birth_date_for_age(world.rng.randint(low, high), world.census)
                    # A plan starts after a referral and a conference: not for a newborn.
                    born = min(born, world.census - timedelta(days=30))
                    child = add_child(
                        world, family, born=born, sex=sexes.pop(), moved_in=world.start
                    )
                siblings.append((child, categories.pop()))
            for child, category in siblings:
                if child.date_of_birth and child.date_of_birth > plan_start - timedelta(days=40):
                    # A baby: the plan began soon after birth.
                    start = world.between(
                        child.date_of_birth + timedelta(days=14), world.census - timedelta(days=3)
                    )
                elif child.date_of_birth is None:
                    # An unborn child: the pre-birth conference is held during the
                    # pregnancy, so the referral before it came less than 40 weeks
                    # before the expected birth.
                    start = max(plan_start, child.expected_date_of_birth - PRE_BIRTH)
                else:
                    start = plan_start
                self._protection_journey(child, plan_start=start, category=category)
                children.append(child)
        return children

    def _protection_journey(self, child: Person, *, plan_start: date, category: str) -> None:
        """Referral → assessment → strategy discussion → s47 → ICPC → plan open today."""
        world, rec = self.world, self.records
        plan_start = rec.wd(rec.wd(plan_start, 1), -1)  # conferences sit on working days
        icpc_days = (
            world.rng.randint(5, 15)
            if world.chance(world.profile.flows.icpc_in_15_share)
            else world.rng.randint(16, 25)
        )
        strategy = rec.wd(plan_start, -icpc_days)
        referral_date = rec.wd(strategy, -world.rng.randint(0, 8))
        episode = rec.referral(child, referral_date, need="N1")
        assessed = rec.assessment(episode, in_time=world.chance(0.85), outcome="strategy")
        enquiry = rec.strategy_and_enquiry(episode, strategy, outcome="icpc")
        icpc = rec.conference(
            child,
            plan_start,
            kind="initial",
            due=rec.wd(strategy, 15),
            section47=enquiry,
            category=category,
        )
        team = self._case_team(episode)
        rec.protection_plan(episode, icpc, team=team, end=None, end_reason="")
        self._allocate_journey(episode, assessed, None, team)

    # -- flows before the census date --------------------------------------------------
    def flows(self) -> None:
        world = self.world
        flows = world.profile.flows
        total = flows.referrals_per_year * world.profile.history_years
        dates = sorted(
            world.between(world.start, world.census - timedelta(days=1)) for _ in range(total)
        )
        for referral_date in dates:
            child = None
            if world.chance(flows.rereferral_share):
                child = self._rereferral_child(referral_date)
            if child is None:
                child = self._new_child(referral_date)
            self._journey(child, referral_date)
            for _ in range(world.rng.randint(0, round(2 * (flows.contacts_per_referral - 1)))):
                self._other_contact(referral_date)
        for start in sorted(
            world.between(world.start, world.census - timedelta(days=1))
            for _ in range(flows.early_help_per_year * world.profile.history_years)
        ):
            child = self._new_child(start)
            self._early_help(child, start, start + timedelta(days=world.rng.randint(60, 300)))

    def _early_help(self, child: Person, start: date, end: date, **links) -> None:
        """Early help for a child, unless an earlier episode is still going then."""
        if start >= self.world.census or self._early_help_until.get(id(child), date.min) > start:
            return
        self.records.early_help(child, start, end, **links)
        self._early_help_until[id(child)] = end if end <= self.world.census else date.max

    def _new_child(self, on: date) -> Person:
        world = self.world
        age = world.weighted(
            [
                (0, 12),
                (1, 6),
                (2, 6),
                (3, 6),
                (4, 6),
                (5, 6),
                (6, 6),
                (7, 6),
                (8, 6),
                (9, 6),
                (10, 6),
                (11, 6),
                (12, 6),
                (13, 7),
                (14, 8),
                (15, 8),
                (16, 5),
                (17, 3),
            ]
        )
        born = world.birth_date_for_age(age, on)
        family = new_family(world, eldest_birth=born, moved_in=min(born, world.start))
        return add_child(
            world, family, born=born, sex=world.rng.choice("FM"), moved_in=min(born, world.start)
        )

    def _rereferral_child(self, on: date) -> Person | None:
        while self._closing and self._closing[0][0] < on:
            closed, _, child = heapq.heappop(self._closing)
            self._recently_closed.append((closed, child))
        year_ago = on - timedelta(days=365)
        while self._recently_closed and self._recently_closed[0][0] < year_ago:
            self._recently_closed.popleft()
        for _ in range(min(20, len(self._recently_closed))):
            closed, child = self._recently_closed[
                self.world.rng.randrange(len(self._recently_closed))
            ]
            if self._busy_until.get(id(child)) == closed and (child.age_on(on) or 0) < 17:
                self._busy_until[id(child)] = date.max
                return child
        return None

    def _finished(self, child: Person, closed: date | None) -> None:
        if closed is None:
            self._busy_until[id(child)] = date.max
            return
        self._busy_until[id(child)] = closed
        heapq.heappush(self._closing, (closed, next(self._order), child))

    def _other_contact(self, around: date) -> None:
        world, rec = self.world, self.records
        on = world.between(around - timedelta(days=20), min(around, world.census))
        child = self._new_child(on)
        decision = world.weighted(
            [("no_further_action", 4), ("advice_information", 4), ("early_help", 2)]
        )
        rec.contact(
            child,
            on,
            decision,
            world.weighted(
                [
                    ("6", 30),
                    ("2A", 20),
                    ("3A", 5),
                    ("3B", 5),
                    ("1A", 8),
                    ("8", 4),
                    ("9", 2),
                    ("10", 2),
                ]
            ),
        )
        if decision == "early_help":
            self._early_help(child, rec.wd(on, 3), on + timedelta(days=world.rng.randint(60, 240)))

    def _journey(self, child: Person, referral_date: date) -> None:
        world, rec, flows = self.world, self.records, self.world.profile.flows
        need = "N2" if world.chance(0.06) else None
        episode = rec.referral(child, referral_date, need=need)
        if not world.chance(flows.assessed_share):
            # No further action on the referral itself: closed the day it was decided.
            rec.close(episode, referral_date, "RC7")
            episode.nfa = True
            self._allocate_journey(episode, None, episode.close_date, None)
            self._finished(child, episode.close_date)
            return
        in_time = world.chance(flows.assessment_in_45_share)
        if world.chance(flows.s47_per_referral):
            outcome = "strategy"
        else:
            outcome = world.weighted([("cin", 45), ("nfa", 55)])
        team = self._case_team(episode)
        assessed = rec.assessment(episode, in_time=in_time, outcome=outcome)
        close, reason, step_down = self._after_assessment(episode, team, assessed, outcome)
        rec.close(episode, close, reason)
        self._allocate_journey(episode, assessed, episode.close_date, team)
        if step_down and episode.close_date:
            self._early_help(
                child,
                episode.close_date,
                episode.close_date + timedelta(days=world.rng.randint(60, 200)),
                stepped_down_from=episode,
            )
        self._finished(child, episode.close_date)

    def _after_assessment(
        self, episode: CINEpisode, team, assessed: date, outcome: str
    ) -> tuple[date, str, bool]:
        """When the episode closes, why, and whether the family steps down to early help."""
        world, rec, flows = self.world, self.records, self.world.profile.flows
        if outcome == "strategy":
            strategy = rec.wd(episode.referral_date, world.rng.randint(0, 10))
            if strategy > world.census:
                # still being assessed on the census date
                return rec.wd(assessed, 20), "RC7", False
            to_icpc = world.chance(flows.icpc_per_s47)
            enquiry = rec.strategy_and_enquiry(
                episode, strategy, outcome="icpc" if to_icpc else "no_icpc_cin_plan"
            )
            if to_icpc:
                in_time = world.chance(flows.icpc_in_15_share)
                icpc_day = rec.wd(
                    strategy, world.rng.randint(6, 15) if in_time else world.rng.randint(16, 28)
                )
                duration = int(world.rng.lognormvariate(5.5, 0.5))  # median about 8 months
                plan_needed = world.chance(flows.plan_per_icpc)
                if plan_needed and icpc_day + timedelta(days=duration + 30) < world.census:
                    icpc = rec.conference(
                        episode.child,
                        icpc_day,
                        kind="initial",
                        due=rec.wd(strategy, 15),
                        section47=enquiry,
                        category=world.weighted(
                            [("NEG", 48), ("EMO", 38), ("PHY", 7), ("SAB", 4), ("MUL", 3)]
                        ),
                    )
                    end = icpc_day + timedelta(days=duration)
                    rec.protection_plan(
                        episode,
                        icpc,
                        team=team,
                        end=end,
                        end_reason=world.weighted(
                            [("no_longer_at_risk", 3), ("stepped_down_cin", 7)]
                        ),
                    )
                    return self._cin_then_close(episode, team, end)
                if icpc_day < world.census:
                    rec.conference(
                        episode.child,
                        icpc_day,
                        kind="initial",
                        due=rec.wd(strategy, 15),
                        section47=enquiry,
                        plan_required=False,
                    )
            return self._cin_then_close(episode, team, max(assessed, strategy))
        if outcome == "cin":
            return self._cin_then_close(episode, team, assessed)
        reason = world.weighted([("RC8", 7), ("RC9", 3)])
        close = rec.wd(assessed, world.rng.randint(0, 5))
        if collection_year_end(close) != collection_year_end(assessed):
            # Closed with the assessment rather than across 31 March, so the census that
            # closes the case also holds the assessment behind it (rules 8825Q, 8873Q).
            close = assessed
        return close, reason, reason == "RC9"

    def _cin_then_close(self, episode: CINEpisode, team, start: date) -> tuple[date, str, bool]:
        """A child in need plan, then the case closes. RC8 and RC9 are for cases closed
        straight after the assessment (CIN rule 2990): after a plan the reason is
        "services ceased for any other reason" (RC7), whether or not early help follows."""
        world = self.world
        end = start + timedelta(days=world.rng.randint(60, 330))
        if start <= world.census:
            self.records.cin_plan(episode, team, start, end)
        reason = world.weighted([("RC7", 11), ("RC5", 1), ("RC3", 1)])
        return (
            end + timedelta(days=world.rng.randint(0, 14)),
            reason,
            reason == "RC7" and world.chance(3 / 11),
        )

    def _case_team(self, episode: CINEpisode):
        rec = self.records
        teams = rec.disability_teams if episode.primary_need == "N2" else rec.locality_teams
        return self.world.rng.choice(teams)

    def _allocate_journey(
        self, episode: CINEpisode, assessed: date | None, closed: date | None, case_team
    ) -> None:
        """The referral team holds the child until the assessment is done, then a
        locality (or disabilities) team until the case closes."""
        world = self.world
        handover = assessed if assessed and assessed < (closed or date.max) else None
        if handover and handover > world.census:
            handover = None
        allocate(
            world,
            self.records.workforce,
            child=episode.child,
            role="social_worker",
            team=episode.team,
            start=episode.referral_date,
            end=handover or closed,
        )
        if handover and case_team is not None:
            allocate(
                world,
                self.records.workforce,
                child=episode.child,
                role="social_worker",
                team=case_team,
                start=handover,
                end=closed,
            )
