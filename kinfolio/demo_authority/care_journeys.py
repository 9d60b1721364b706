"""Children in care, care leavers and the care flows of the generated years.

``stock()`` builds exactly the profile's looked after children on the census date (by
age, how many are fostered, with the authority's own carers, outside the area) and its
care leavers aged 16-17, plus former relevant care leavers aged 18-21. ``flows()`` adds
children who came into care and left before the census date, private fostering and
LADO allocations. Each child's placements are booked with real carers, so the census
figures follow from the records rather than being labels on them.
"""

from datetime import date, timedelta

from kinfolio.demo_authority.care_episodes import CareHistory, Stay, collection_year, legal_path
from kinfolio.demo_authority.care_paths import CARE_NEEDS, CarePaths
from kinfolio.demo_authority.care_records import birthday
from kinfolio.demo_authority.families import add_child, new_family
from kinfolio.demo_authority.private_fostering_lado import allegations, private_fostering
from kinfolio.demo_authority.safeguarding_journeys import SafeguardingJourneys
from kinfolio.demo_authority.safeguarding_records import SafeguardingRecords

YEAR = timedelta(days=365)
FOSTER_KINDS = ("in_house", "connected", "ifa")


class CareJourneys:
    def __init__(self, records: SafeguardingRecords, safeguarding: SafeguardingJourneys) -> None:
        self.records = records
        self.safeguarding = safeguarding
        self.world = records.world
        self.paths = CarePaths(records)
        self.providers = self.paths.providers
        self.starts_in_window = 0

    # -- the census day --------------------------------------------------------------------
    def census_slots(self) -> list[dict]:
        """Each looked after child on the census date: age and where they live."""
        world, care, rng = self.world, self.world.profile.care, self.world.rng
        slots = [
            {"age": rng.randint(low, high)}
            for low, high, n in (
                (0, 4, care.under_5),
                (5, 15, care.age_5_to_15),
                (16, 17, care.age_16_to_17),
            )
            for _ in range(n)
        ]
        rng.shuffle(slots)
        fostered = round(care.total * care.fostered_share)
        in_house = round(fostered * care.in_house_fostered_share)
        homes = min(round(0.022 * care.total), 5 * len(self.providers.homes_in_house))
        others = [
            ("parent_child", max(1, round(0.003 * care.total)), 0, 0),
            ("secure", max(1, round(0.004 * care.total)), 13, 17),
            ("supported", round(0.45 * care.age_16_to_17), 16, 17),
            ("adopters", round(0.028 * care.total), 1, 5),
            ("ffa", round(0.012 * care.total), 1, 4),
            ("home_in_house", homes, 6, 17),
            ("parents", round(0.05 * care.total), 1, 15),
        ]
        outside = care.total - fostered - sum(n for _, n, _, _ in others)
        others += [("home_external", outside, 10, 17)]

        def take(kind: str, count: int, low: int, high: int) -> int:
            pool = [s for s in slots if "kind" not in s and low <= s["age"] <= high][:count]
            for slot in pool:
                slot["kind"] = kind
            return count - len(pool)

        for kind, count, low, high in others:
            short = take(kind, count, low, high)
            short = take("home_external", short, 8, 17)
            take("home_external", short, 0, 17)
        rest = [s for s in slots if "kind" not in s]
        for number, slot in enumerate(rest):
            own = number < in_house
            slot["kind"] = ("connected" if world.chance(0.15) else "in_house") if own else "ifa"
            away = (
                number < care.fostered_out_of_area_in_house
                if own
                else number - in_house < care.fostered_out_of_area_ifa
            )
            slot["local"] = not away
            slot["waiting"] = 1 <= slot["age"] <= 8 and world.chance(0.1)
        return slots

    def sibling_groups(self, slots: list[dict]) -> list[list[dict]]:
        world = self.world
        groups, buckets = [], {}
        for slot in slots:
            if slot["kind"] in FOSTER_KINDS and slot["age"] <= 15 and not slot["waiting"]:
                buckets.setdefault((slot["kind"], slot["local"]), []).append(slot)
            else:
                groups.append([slot])
        for bucket in buckets.values():
            while bucket:
                size = world.weighted([(1, 6), (2, 3), (3, 1)])
                group = [bucket.pop()]
                for index in range(len(bucket) - 1, -1, -1):
                    other = bucket[index]
                    ages = [g["age"] for g in group] + [other["age"]]
                    if (
                        len(group) < size
                        and max(ages) - min(ages) <= 10
                        and all(abs(other["age"] - g["age"]) >= 2 for g in group)
                    ):
                        group.append(bucket.pop(index))
                groups.append(group)
        return groups

    def stock(self) -> None:
        for group in self.sibling_groups(self.census_slots()):
            self._stock_group(group)
        care = self.world.profile.care
        for age in self._ages(care.care_leavers_16_17 - care.age_16_to_17, 16, 17):
            self._leaver(age, relevant=True)
        for age in self._ages(round(1.3 * care.care_leavers_16_17), 18, 21):
            self._leaver(age, relevant=False)

    def _ages(self, count: int, low: int, high: int) -> list[int]:
        return [low + n % (high - low + 1) for n in range(count)]

    def _family(self, ages: list[int], on: date) -> tuple[list, str]:
        world = self.world
        births = []
        for age in sorted(ages, reverse=True):
            born = world.birth_date_for_age(age, on)
            births.append(min(born, on - timedelta(days=14)) if age == 0 else born)
        family = new_family(world, eldest_birth=births[0], moved_in=min(births[0], world.start))
        children = [
            add_child(
                world,
                family,
                born=born,
                sex=world.rng.choice("FM"),
                moved_in=min(born, world.start),
            )
            for born in births
        ]
        return children, family.postcode

    def _stock_group(self, group: list[dict]) -> None:
        world, paths, census, rng = self.world, self.paths, self.world.census, self.world.rng
        kind, ages = group[0]["kind"], [g["age"] for g in group]
        uasc = (
            len(group) == 1
            and ages[0] >= 16
            and kind in ("supported", "ifa", "in_house")
            and world.chance(0.3)
        )
        if uasc:
            children, home = [paths.asylum_seeker(ages[0], census)], ""
        else:
            children, home = self._family(ages, census)
        youngest = max(c.date_of_birth for c in children)
        if uasc:
            entry = world.between(
                max(birthday(youngest, 14), census - 2 * YEAR), census - timedelta(days=100)
            )
        elif kind in ("adopters", "ffa"):
            entry = world.between(
                max(youngest, census - 3 * YEAR), max(youngest, census - timedelta(days=330))
            )
        else:
            entry = census - timedelta(
                days=world.weighted(
                    [
                        (rng.randint(14, 365), 35),
                        (rng.randint(365, 1095), 30),
                        (rng.randint(1095, 6000), 35),
                    ]
                )
            )
            entry = max(entry, youngest)
        if max(ages) >= 16:
            entry = min(entry, census - timedelta(days=100))
        oldest_at_entry = max(c.age_on(entry) or 0 for c in children)
        route = (
            "s20"
            if uasc
            else "adoption"
            if kind in ("adopters", "ffa") or group[0].get("waiting")
            else "proceedings"
            if kind == "parents"
            else ("s20" if world.chance(0.75) else "order")
            if kind == "home_in_house"
            else ("s20" if world.chance(0.5) else "order")
            if oldest_at_entry >= 13
            else "order"
        )
        need = "N2" if kind == "home_in_house" else "N8" if uasc else world.weighted(CARE_NEEDS)
        history = CareHistory(
            children, entry, None, "", need, home, uasc=uasc, adoption_route=route == "adoption"
        )
        history.legal = legal_path(world, entry, census, route)
        years = (census - entry).days / 365
        moves = min(5, sum(world.chance(0.3) for _ in range(1 + int(years * 1.5))))
        if route == "adoption":
            self._adoption_stock(history, kind, moves, group[0].get("local"))
        else:
            earliest = entry
            if kind == "supported":
                earliest = max(entry, birthday(children[0].date_of_birth, 16))
            elif kind == "secure":
                earliest = max(entry, census - timedelta(days=200))
            elif kind in ("home_in_house", "home_external"):
                youngest_age = 6 if kind == "home_in_house" else min(10, min(ages))
                earliest = max(entry, birthday(youngest, youngest_age))
            final_start = (
                entry
                if moves == 0 and earliest == entry
                else world.between(
                    min(earliest + timedelta(days=21 * moves), census - timedelta(days=7)),
                    census - timedelta(days=7),
                )
            )
            paths.placements(
                history,
                max(final_start, earliest),
                kind,
                moves=moves,
                local=group[0].get("local"),
                required=True,
            )
        episodes = paths.before_care(history)
        if entry >= world.start:
            self.starts_in_window += len(children)
        paths.finish(history, episodes, leaver=max(ages) >= 16)

    def _adoption_stock(
        self, history: CareHistory, kind: str, moves: int, local: bool | None
    ) -> None:
        world, paths, census = self.world, self.paths, self.world.census
        adm, order, matched, placed = paths.adoption_dates(
            history.entry, census - timedelta(days=7)
        )
        history.legal = [p for p in history.legal if p[0] < order] + [(order, "E1")]
        if kind == "adopters":
            adopters = self.providers.adopters(matched)
            final = Stay(
                placed,
                "adopters",
                [(placed, "A6")],
                provider_code="PR1" if adopters.in_house else "PR5",
                postcode=adopters.postcode,
                urn=self.providers.adoption_agencies[adopters.in_house].urn,
            )
            paths.placements(history, placed, "adopters", moves=max(1, moves), final=final)
            paths.adoption_plans(
                history, adm, order, matched=matched, placed=placed, adopters=adopters
            )
        elif kind == "ffa":
            start = min(adm, history.entry + timedelta(days=world.rng.randint(0, 20)))
            paths.placements(
                history, start, "ffa", moves=0 if start == history.entry else 1, required=True
            )
            stay = history.stays[-1]
            stay.phases.append((placed, "A5"))
            adopters = self.providers.adopters(matched, carers=stay.household.carers)
            paths.adoption_plans(
                history, adm, order, matched=matched, placed=placed, adopters=adopters
            )
        else:  # fostered, waiting for a match that has not yet come
            final_start = (
                history.entry
                if moves == 0
                else world.between(
                    history.entry + timedelta(days=21 * moves), census - timedelta(days=7)
                )
            )
            paths.placements(history, final_start, kind, moves=moves, required=True, local=local)
            reversed_on = (
                world.between(order + timedelta(days=60), census - timedelta(days=1))
                if world.chance(0.25) and order + timedelta(days=60) < census
                else None
            )
            if reversed_on:
                # The court then revokes the placement order and makes a care order,
                # six weeks later and within the collection year of the decision (its
                # return holds both).
                revoked = min(
                    reversed_on + timedelta(weeks=6), date(collection_year(reversed_on), 3, 31)
                )
                if revoked < census:
                    history.legal.append((revoked, "C2"))
            paths.adoption_plans(history, adm, order, reversed_on=reversed_on)

    # -- care leavers -------------------------------------------------------------------
    def _leaver(self, age: int, *, relevant: bool) -> None:
        """A young person who left care at 16 or 17 (relevant, now 16-17) or on their 18th
        birthday (former relevant, now 18-21)."""
        world, paths, census = self.world, self.paths, self.world.census
        uasc = world.chance(0.15 if relevant else 0.2)
        # A relevant young person left care after 16 (and 13 weeks looked after), so was
        # 16 at least four months ago; a former relevant one turned 18 before today.
        # (An 18-year-old's age is taken the day before, so their birthday has passed.)
        on = census - timedelta(
            days=120 if relevant and age == 16 else 1 if not relevant and age == 18 else 0
        )
        if uasc:
            children, home = [paths.asylum_seeker(age, on)], ""
        else:
            children, home = self._family([age], on)
        born = children[0].date_of_birth
        b14, b16 = birthday(born, 14), birthday(born, 16)
        leave = (
            world.between(
                max(b16, census - 2 * YEAR) + timedelta(days=1), census - timedelta(days=1)
            )
            if relevant
            else birthday(born, 18)
        )
        teen = (uasc or world.chance(0.45)) and b14 < leave - timedelta(days=120)
        entry = (
            world.between(
                max(b14, birthday(born, 15) if uasc else b14), leave - timedelta(days=120)
            )
            if teen
            else world.between(born + YEAR, b14 - timedelta(days=1))
        )
        if relevant:
            final_kind = world.weighted(
                [("supported", 45), ("in_house", 20), ("ifa", 15), ("home_external", 20)]
            )
        else:
            final_kind = (
                world.weighted([("supported", 60), ("ifa", 20), ("in_house", 20)])
                if uasc
                else world.weighted(
                    [("in_house", 35), ("ifa", 20), ("supported", 30), ("home_external", 15)]
                )
            )
        staying_put = (
            not relevant
            and final_kind in ("in_house", "ifa")
            and world.chance(0.45 if final_kind == "in_house" else 0.3)
        )
        if staying_put:
            reason = "E17"
        elif relevant:
            reason = world.weighted(
                [("E5", 35), ("E6", 10), ("E4A", 15), ("E4B", 10), ("E13", 15), ("E8", 15)]
            )
        else:
            reason = world.weighted([("E5", 45), ("E6", 20), ("E4A", 12), ("E8", 15), ("E13", 8)])
        need = "N8" if uasc else world.weighted(CARE_NEEDS)
        history = CareHistory(children, entry, leave, reason, need, home, uasc=uasc)
        history.legal = legal_path(
            world, entry, leave, "s20" if uasc or (teen and world.chance(0.6)) else "order"
        )
        earliest = (
            max(entry, b16)
            if final_kind == "supported"
            else max(entry, birthday(born, 12))
            if final_kind == "home_external"
            else entry
        )
        years = (leave - entry).days / 365
        moves = min(5, sum(world.chance(0.3) for _ in range(1 + int(years * 1.5))))
        latest = leave - timedelta(days=14)
        final_start = (
            entry
            if moves == 0 and earliest == entry
            else world.between(min(earliest + timedelta(days=21 * moves), latest), latest)
        )
        paths.placements(history, max(final_start, earliest), final_kind, moves=moves)
        if history.stays[-1].household is None:
            staying_put = False
            history.exit_reason = "E5" if reason == "E17" else reason
        episodes = paths.before_care(history)
        if entry >= world.start:
            self.starts_in_window += 1
        paths.finish(history, episodes, leaver=True, staying_put=staying_put)

    # -- flows before the census date ---------------------------------------------------
    def flows(self) -> None:
        world, flows = self.world, self.world.profile.flows
        target = flows.care_starts_per_year * world.profile.history_years - self.starts_in_window
        started = 0
        while started < target:
            started += self._flow_group()
        private_fostering(self.records)
        allegations(self.records, self.providers)
        self.providers.write_reviews()

    def _flow_group(self) -> int:
        world, paths, census, rng = self.world, self.paths, self.world.census, self.world.rng
        entry = world.between(world.start + timedelta(days=30), census - timedelta(days=30))
        oldest = world.weighted(
            [
                (0, 18),
                (rng.randint(1, 4), 15),
                (rng.randint(5, 9), 18),
                (rng.randint(10, 13), 27),
                (rng.randint(14, 15), 14),
                (rng.randint(16, 17), 8),
            ]
        )
        size = world.weighted([(1, 15), (2, 4), (3, 1)]) if oldest >= 2 else 1
        ages = [oldest] + [oldest - 2 * n for n in range(1, size) if oldest - 2 * n >= 0]
        children, home = self._family(ages, entry)
        born = children[0].date_of_birth
        b14 = birthday(born, 14)
        if oldest <= 4:
            reason = world.weighted(
                [
                    ("adopt", 40),
                    ("E45", 6),
                    ("E46", 4),
                    ("E47", 8),
                    ("E48", 2),
                    ("E4A", 35),
                    ("E41", 10),
                    ("E13", 5),
                    ("E8", 5),
                ]
            )
        elif oldest <= 12:
            reason = world.weighted(
                [
                    ("E4A", 50),
                    ("E4B", 10),
                    ("E45", 4),
                    ("E46", 2),
                    ("E47", 6),
                    ("E41", 10),
                    ("E13", 10),
                    ("E8", 8),
                ]
            )
        else:
            reason = world.weighted(
                [("E4A", 35), ("E4B", 20), ("E13", 20), ("E8", 10), ("E41", 5), ("E3", 5)]
            )
        if reason == "adopt" and entry > census - timedelta(days=500):
            reason = "E4A"
        need = world.weighted(CARE_NEEDS)
        route = (
            "adoption"
            if reason == "adopt"
            else "proceedings"
            if reason.startswith(("E4", "E41")) and reason not in ("E4A", "E4B")
            else "order"
            if oldest < 13
            else ("s20" if world.chance(0.6) else "order")
        )
        if reason in ("E4A", "E4B") and oldest < 13 and world.chance(0.5):
            route = "s20"
        history = CareHistory(children, entry, None, "", need, home)
        if reason == "adopt":
            adm, order, matched, placed = paths.adoption_dates(entry, census - timedelta(days=120))
            adopted = min(placed + timedelta(days=rng.randint(90, 300)), census - timedelta(days=1))
            history.exit, history.exit_reason = adopted, "E11" if world.chance(0.6) else "E12"
            history.legal = legal_path(world, entry, order, "adoption") + [(order, "E1")]
            adopters = self.providers.adopters(matched)
            final = Stay(
                placed,
                "adopters",
                [(placed, "A6")],
                provider_code="PR1" if adopters.in_house else "PR5",
                postcode=adopters.postcode,
                urn=self.providers.adoption_agencies[adopters.in_house].urn,
            )
            paths.placements(history, placed, "adopters", moves=1 + world.chance(0.3), final=final)
            paths.adoption_plans(
                history,
                adm,
                order,
                matched=matched,
                placed=placed,
                adopted=adopted,
                adopters=adopters,
            )
        else:
            stay = timedelta(days=min(1000, max(3, int(rng.lognormvariate(5.3, 0.9)))))
            leave = min(entry + stay, census - timedelta(days=1))
            if leave > b14:
                leave = min(leave, max(entry, b14) + timedelta(days=85))
            history.exit, history.exit_reason = max(leave, entry + timedelta(days=1)), reason
            history.legal = legal_path(world, entry, history.exit, route)
            moves = sum(world.chance(0.25) for _ in range(1 + int(stay.days / 200)))
            latest = history.exit - timedelta(days=7)
            final_start = (
                entry
                if moves == 0 or latest <= entry + timedelta(days=21)
                else world.between(entry + timedelta(days=21 * moves), latest)
            )
            final_kind = {"E45": "connected", "E46": "in_house"}.get(reason) or (
                "parents"
                if reason == "E4A"
                and world.chance(0.3)
                and history.legal_on(final_start) in ("C1", "C2")
                else paths.interim_kind(history, final_start)
            )
            paths.placements(
                history, final_start, final_kind, moves=moves if final_start > entry else 0
            )
        episodes = paths.before_care(history)
        paths.finish(history, episodes)
        return len(children)
