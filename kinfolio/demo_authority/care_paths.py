"""How a child (or a sibling group) comes into care, where they live while looked after,
and how they leave: the referral and assessment before care (sometimes a child
protection plan that ends the day they become looked after), placements booked with
real carers, legal statuses, adoption plans, and then every record of the period."""

from datetime import date, timedelta

from kinfolio.adoption.models import AdoptionPlan, PreviousPermanence
from kinfolio.assessments.models import Assessment
from kinfolio.children_in_care.models import UASCStatus
from kinfolio.demo_authority import names
from kinfolio.demo_authority.care_episodes import (
    CHANGE_REASONS,
    CareHistory,
    Stay,
    supported_phases,
    write_periods,
)
from kinfolio.demo_authority.care_leavers_gen import CareLeavers, eligible_from
from kinfolio.demo_authority.care_records import CareRecords, birthday
from kinfolio.demo_authority.families import pupil_number
from kinfolio.demo_authority.providers_gen import Providers
from kinfolio.demo_authority.safeguarding_records import (
    PRIMARY_NEEDS,
    SafeguardingRecords,
    add_factors,
)
from kinfolio.people.models import Person
from kinfolio.referrals.models import CINEpisode

CLOSE_REASON = {
    "E11": "RC1",
    "E12": "RC1",
    "E41": "RC3",
    "E45": "RC4",
    "E46": "RC4",
    "E47": "RC4",
    "E48": "RC4",
    "E3": "RC5",
}
CARE_NEEDS = [(code, weight) for code, weight in PRIMARY_NEEDS if code not in ("N9", "N2")]
CATEGORIES = [("NEG", 48), ("EMO", 38), ("PHY", 7), ("SAB", 4), ("MUL", 3)]
UASC_COUNTRIES = [
    ("Afghan", "Pashto", "other"),
    ("Eritrean", "Tigrinya", "black_african"),
    ("Sudanese", "Arabic", "black_african"),
    ("Albanian", "Albanian", "white_other"),
    ("Vietnamese", "Vietnamese", "other"),
    ("Iranian", "Kurdish", "other"),
]


class CarePaths:
    def __init__(self, records: SafeguardingRecords) -> None:
        self.records = records
        self.world = records.world
        self.providers = Providers(self.world)
        self.care = CareRecords(records)
        self.leavers = CareLeavers(self.care)
        # When the assessment begun before care is authorised, by CIN episode (id): the
        # case is not closed before it (CIN rules 8565, 8867).
        self.assessed: dict[int, date] = {}

    # -- placements ---------------------------------------------------------------------
    def place(
        self,
        kind: str,
        history: CareHistory,
        start: date,
        end: date | None,
        *,
        local: bool | None = None,
        required: bool = False,
        long_term: bool = False,
    ) -> Stay:
        """Book a placement of ``kind`` for the history's children over [start, end)."""
        world, providers, children = self.world, self.providers, history.children
        stop = end or world.census
        if kind in ("in_house", "connected", "ffa"):
            household = providers.in_house_household(
                children,
                start,
                end,
                connected=kind == "connected",
                local=local,
                required=required,
                leaving=history.stays[-1].household if history.stays else None,
                home=history.home_postcode,
            )
            if household is None:
                return self.place("ifa", history, start, end, local=local, long_term=long_term)
            first, later = {"connected": ("U3", "U1"), "ffa": ("U5", "U5")}.get(kind, ("U6", "U4"))
            phases = [(start, first)]
            settled = start + timedelta(days=world.rng.randint(150, 400))
            if long_term and settled < stop and later != first:
                phases.append((settled, later))
            return Stay(
                start,
                kind,
                phases,
                household=household,
                provider_code="PR1",
                postcode=household.postcode,
                urn=providers.fostering_service.urn,
            )
        if kind == "ifa":
            agency = world.rng.choice(providers.ifas)
            left = history.stays[-1].postcode if history.stays else ""
            household = providers.ifa_household(
                agency, children, start, local, avoid={history.home_postcode, left}
            )
            phases = [(start, "U6")]
            settled = start + timedelta(days=world.rng.randint(150, 400))
            if long_term and settled < stop:
                phases.append((settled, "U4"))
            return Stay(
                start,
                kind,
                phases,
                household=household,
                provider_code=providers.code_of(agency),
                postcode=household.postcode,
                urn=agency.urn,
            )
        if kind == "parents":
            return Stay(
                start, kind, [(start, "P1")], provider_code="PR0", postcode=history.home_postcode
            )
        pool, phases = {
            "home_in_house": (lambda: providers.homes_in_house, "K2"),
            "home_external": (
                lambda: providers.other_la_homes if world.chance(0.1) else providers.homes_external,
                "K2",
            ),
            "supported": (lambda: providers.supported, None),
            "secure": (lambda: [providers.secure], "K1"),
            "parent_child": (lambda: [providers.parent_and_child], "R3"),
        }[kind]
        # Only placed with parents is a child placed in their home's postcode unit (392d),
        # and a move is to another placement than the one left (435).
        pool = pool()
        leaving = history.stays[-1].provider if history.stays else None
        provider = world.rng.choice(
            [p for p in pool if p.postcode != history.home_postcode and p is not leaving] or pool
        )
        return Stay(
            start,
            kind,
            supported_phases(start, end) if phases is None else [(start, phases)],
            provider=provider,
            provider_code=providers.code_of(provider),
            postcode=provider.postcode,
            urn=provider.urn,
        )

    def interim_kind(self, history: CareHistory, day: date) -> str:
        """Where a child lives before their current placement, by age."""
        world = self.world
        ages = [c.age_on(day) or 0 for c in history.children]
        if len(ages) > 1 or max(ages) < 11:
            return world.weighted([("in_house", 6), ("ifa", 3), ("connected", 1)])
        if max(ages) >= 16:
            return world.weighted(
                [("in_house", 3), ("ifa", 2), ("supported", 3), ("home_external", 2)]
            )
        return world.weighted([("in_house", 5), ("ifa", 3), ("home_external", 3)])

    def placements(
        self,
        history: CareHistory,
        final_start: date,
        final_kind: str,
        *,
        moves: int,
        local: bool | None = None,
        required: bool = False,
        final: Stay | None = None,
    ) -> None:
        """The stays from entry: ``moves`` earlier placements, then ``final_kind`` from
        ``final_start`` until the history's exit (or on, past the census)."""
        world = self.world
        gap = (final_start - history.entry).days
        moves = max(min(moves, gap // 21), 1 if gap > 0 else 0)
        starts = [history.entry] if moves else []
        if moves > 1:
            starts += [
                history.entry + timedelta(days=d)
                for d in sorted(world.rng.sample(range(10, gap - 10), moves - 1))
            ]
        starts.append(final_start)
        for number, start in enumerate(starts[:-1]):
            end = starts[number + 1]
            stay = self.place(self.interim_kind(history, start), history, start, end)
            stay.change_reason = world.weighted(CHANGE_REASONS)
            history.stays.append(stay)
        history.stays.append(
            final
            or self.place(
                final_kind,
                history,
                final_start,
                history.exit,
                local=local,
                required=required,
                long_term=final_kind in ("in_house", "ifa", "connected"),
            )
        )

    # -- before care: referral, assessment, sometimes a child protection plan -----------
    def before_care(self, history: CareHistory) -> list[CINEpisode]:
        world, rec, entry = self.world, self.records, history.entry
        youngest = max(c.date_of_birth for c in history.children)
        if entry < world.start + timedelta(days=45) or history.uasc:
            referral = entry - timedelta(days=world.rng.randint(0, 120) if not history.uasc else 0)
            team = world.rng.choice(rec.referral_teams)
            episodes = [
                world.rows.add(
                    CINEpisode(
                        child=child,
                        referral_date=max(referral, child.date_of_birth),
                        referral_source=world.weighted([("6", 3), ("1A", 1), ("4", 1)]),
                        primary_need=history.need,
                        team=team,
                    )
                )
                for child in history.children
            ]
            for episode in episodes:
                # The assessment that led to care, so no clock is left running from then.
                done = min(entry, episode.referral_date + timedelta(days=world.rng.randint(5, 40)))
                assessment = world.rows.add(
                    Assessment(
                        child=episode.child,
                        cin_episode=episode,
                        start_date=episode.referral_date,
                        authorised_date=max(done, episode.referral_date),
                        outcome_other=True,
                        outcome_other_detail="Became looked after",
                        childs_views_not_recorded_code="other",
                        childs_views_not_recorded_reason="Recorded before the history held here.",
                    )
                )
                add_factors(world, assessment)
            return episodes
        earliest = max(world.start, youngest)
        emergency = world.chance(0.25) or entry - earliest < timedelta(days=60)
        referral = max(
            earliest,
            entry
            - timedelta(days=world.rng.randint(0, 5) if emergency else world.rng.randint(60, 300)),
        )
        protect = not emergency and world.chance(0.4) and entry - referral > timedelta(days=70)
        team = world.rng.choice(
            rec.disability_teams if history.need == "N2" else rec.locality_teams
        )
        category = world.weighted(CATEGORIES)
        strategy = rec.wd(referral, world.rng.randint(0, 8))
        icpc_day = rec.wd(
            strategy, world.rng.randint(5, 15) if world.chance(0.8) else world.rng.randint(16, 25)
        )
        protect = protect and icpc_day < entry - timedelta(days=14)
        episodes = []
        for child in history.children:
            episode = rec.referral(child, referral, need=history.need)
            assessed = rec.assessment(
                episode, in_time=world.chance(0.85), outcome="strategy" if protect else "cin"
            )
            self.assessed[id(episode)] = assessed
            handover = assessed if referral < assessed < entry else entry
            self.care.allocate(child, "social_worker", episode.team, referral, handover)
            self.care.allocate(child, "social_worker", team, handover, entry)
            if protect:
                enquiry = rec.strategy_and_enquiry(episode, strategy, outcome="icpc")
                icpc = rec.conference(
                    child,
                    icpc_day,
                    kind="initial",
                    due=rec.wd(strategy, 15),
                    section47=enquiry,
                    category=category,
                )
                rec.protection_plan(episode, icpc, team=team, end=entry, end_reason="looked_after")
            elif handover < entry - timedelta(days=20):
                rec.cin_plan(episode, team, handover, entry)
            episodes.append(episode)
        return episodes

    # -- adoption -------------------------------------------------------------------------
    def adoption_dates(self, start: date, latest: date) -> list[date]:
        """ADM decision, placement order, match and placement, squeezed to fit by ``latest``."""
        rng = self.world.rng
        steps = [
            rng.randint(60, 200),
            rng.randint(30, 150),
            rng.randint(30, 240),
            rng.randint(7, 30),
        ]
        room = (latest - start).days
        if sum(steps) > room:
            steps = [max(1, s * room // sum(steps)) for s in steps]
        dates, day = [], start
        for step in steps:
            day += timedelta(days=step)
            dates.append(min(day, latest))
        return dates

    def adoption_plans(
        self,
        history: CareHistory,
        adm: date,
        order: date | None,
        *,
        matched: date | None = None,
        placed: date | None = None,
        adopted: date | None = None,
        adopters=None,
        reversed_on=None,
    ) -> None:
        world = self.world
        for child in history.children:
            world.rows.add(
                AdoptionPlan(
                    child=child,
                    adm_decision_date=adm,
                    placement_order_date=order,
                    matched_date=matched,
                    placed_date=placed,
                    adoption_order_date=adopted,
                    adopters=adopters if matched else None,
                    adopted_by_foster_carer=(history.stays[-1].place == "A5") if adopted else None,
                    decision_reversed_date=reversed_on,
                    reason_placed_ceased=world.weighted(
                        [("RD1", 3), ("RD2", 1), ("RD3", 2), ("RD4", 1)]
                    )
                    if reversed_on
                    else "",
                )
            )

    # -- people -------------------------------------------------------------------------
    def asylum_seeker(self, age: int, on: date) -> Person:
        """An unaccompanied young person: no family here, a nationality and a language."""
        world = self.world
        nationality, language, heritage = world.rng.choice(UASC_COUNTRIES)
        local_id = world.person_id()
        return world.rows.add(
            Person(
                local_id=local_id,
                upn=pupil_number(local_id),  # at school or college here
                sex="M" if world.chance(0.9) else "F",
                given_name=world.rng.choice(names.GIVEN_NAMES[heritage]["M"]),
                family_name=world.rng.choice(names.FAMILY_NAMES[heritage]),
                date_of_birth=world.birth_date_for_age(age, on),
                nationality=nationality,
                first_language=language,
                ethnicity="OOTH"
                if heritage == "other"
                else "BAFR"
                if heritage == "black_african"
                else "WOTH",
                is_child_subject=True,
            )
        )

    # -- writing a whole history ------------------------------------------------------
    def finish(
        self,
        history: CareHistory,
        episodes: list[CINEpisode],
        *,
        leaver: bool = False,
        staying_put: bool = False,
    ) -> None:
        world, rec = self.world, self.records
        write_periods(world, history)
        leave = history.exit
        for child, period, episode in zip(history.children, history.periods, episodes, strict=True):
            self.care.write(history, child, period)
            if history.entry >= world.start:
                self._previous_permanence(child, history.entry)
            if history.uasc:
                ends = birthday(child.date_of_birth, 18)
                world.rows.add(
                    UASCStatus(
                        child=child,
                        start_date=history.entry,
                        end_date=ends if ends <= world.census else None,
                    )
                )
            if leaver:
                self.leavers.write(
                    child,
                    eligible=eligible_from(child.date_of_birth, history.entry),
                    left=leave,
                    staying_put_with=history.stays[-1].household if staying_put else None,
                )
            if leave is None:
                continue
            assessed = self.assessed.get(id(episode), leave)
            reason = CLOSE_REASON.get(history.exit_reason)
            if reason or leaver:
                rec.close(episode, max(leave, assessed), reason or "RC7")
                continue
            closes = max(leave + timedelta(days=world.rng.randint(0, 120)), assessed)
            rec.close(episode, closes, "RC7")
            locality = world.rng.choice(rec.locality_teams)
            self.care.allocate(child, "social_worker", locality, leave, episode.close_date)

    def _previous_permanence(self, child: Person, entry: date) -> None:
        """A previous order has a date and the authority that made it (rule 630), even
        where the kind of order is unknown (P4); the authorities are Milton Keynes and
        its neighbours, by their DfE LA numbers."""
        world = self.world
        option = world.weighted([("Z1", 90), ("P2", 3), ("P3", 3), ("P4", 4)])
        order_date, authority = None, ""
        if option != "Z1" and entry - child.date_of_birth > timedelta(days=400):
            order_date = world.between(
                child.date_of_birth + timedelta(days=200), entry - timedelta(days=100)
            )
            authority = world.rng.choice(["826", "822", "823", "825", "821"])
        else:
            option = "Z1"
        world.rows.add(
            PreviousPermanence(
                child=child,
                permanence_option=option,
                order_date=order_date,
                local_authority=authority,
            )
        )
