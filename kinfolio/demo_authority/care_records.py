"""The records kept while a child is looked after: allocations, reviews, health, dental
checks, SDQs, schools and PEPs, contacts with the virtual school, missing episodes and
statutory visits.

Records are written for the generated years only (from ``world.start``); a period of
care that began earlier keeps its schedule (reviews and health assessments fall due
from the day the child came into care) but its older records are not generated.
"""

import random
from datetime import date, timedelta

from kinfolio.children_in_care.models import (
    Conviction,
    DentalCheck,
    DevelopmentCheck,
    EducationPlacement,
    HealthAssessment,
    Immunisations,
    LACReview,
    MissingEpisode,
    PersonalEducationPlan,
    School,
    SDQScore,
    SubstanceMisuse,
    VirtualSchoolContact,
)
from kinfolio.demo_authority import names
from kinfolio.demo_authority.care_episodes import CareHistory, collection_year
from kinfolio.demo_authority.families import mk_postcode, out_of_area_postcode
from kinfolio.demo_authority.providers_gen import in_area
from kinfolio.demo_authority.safeguarding_records import SafeguardingRecords
from kinfolio.demo_authority.workforce_gen import Post, change_reason
from kinfolio.people.models import Person
from kinfolio.workforce.models import Allocation, Team

CALENDAR_FROM = date(2013, 1, 1)  # before this, timescales are counted in calendar days
PARTICIPATION = [
    ("PN1", 40),
    ("PN2", 5),
    ("PN3", 6),
    ("PN4", 4),
    ("PN5", 8),
    ("PN6", 28),
    ("PN7", 9),
]
# Seed 002 paragraph 5: 92 primary, 12 secondary, six special and four short stay schools.
MK_SCHOOLS = (
    ("primary", "Primary School", 92),
    ("secondary", "School", 12),
    ("special", "School (special)", 6),
    ("short_stay", "Short Stay School", 4),
    ("college", "College", 2),
)
PEP_TERMS = ((11, 15), (3, 15), (6, 30))  # a PEP review each term, due by these days
SDQ_MISSED = [("SDQ2", 2), ("SDQ4", 2), ("SDQ5", 3)]  # why a questionnaire did not come back
# The demo's virtual school: its head and advisers (invented names).
VIRTUAL_SCHOOL_HEAD = "Helen Ashworth"
VIRTUAL_SCHOOL_ADVISERS = ("Marcus Reid", "Priya Nair", "Tomasz Kowalski")
# (purpose, outcome) of a contact during the year, by the virtual school's adviser.
DURING_THE_YEAR = (
    (
        "Pupil premium plus: the designated teacher asked for one-to-one tuition in maths.",
        "Funding agreed for a term of tuition; its effect to be reviewed at the next PEP.",
    ),
    (
        "Attendance below 90% this half term; the carers asked for advice.",
        "Adviser met the designated teacher; a morning routine and a weekly check agreed.",
    ),
    (
        "Quality check of the last PEP: its targets were not specific.",
        "Targets rewritten with the designated teacher before the next PEP meeting.",
    ),
    (
        "Preparing for a move of school at the end of the year.",
        "Transition visits arranged; the new school's designated teacher has the PEP.",
    ),
)
SUSPENSION = (
    "Suspended from school for two days; the headteacher was considering a further step.",
    "The head spoke to the headteacher; a reintegration meeting was held and extra "
    "support in class agreed instead.",
)


def birthday(born: date, age: int) -> date:
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return date(born.year + age, 3, 1)


def september_after(born: date, age: int) -> date:
    day = birthday(born, age)
    return date(day.year if day <= date(day.year, 9, 1) else day.year + 1, 9, 1)


class Schools:
    def __init__(self, world) -> None:
        self.world = world
        self._urns = iter(world.rng.sample(range(1_000, 9_999), 3_000))
        scale = max(1, round(world.profile.population_0_19 / 66_900))
        self.local: dict[str, list[School]] = {}
        self.away: dict[str, list[School]] = {}
        for phase, suffix, count in MK_SCHOOLS:
            self.local[phase] = [self._school(phase, suffix, True) for _ in range(count * scale)]

    def _school(self, phase: str, suffix: str, local: bool) -> School:
        world = self.world
        postcode, town = mk_postcode(world) if local else out_of_area_postcode(world)
        street = world.rng.choice(names.STREETS).split()[0]
        return world.rows.add(
            School(name=f"{town} {street} {suffix}", urn=f"99{next(self._urns)}", postcode=postcode)
        )

    def pick(self, phase: str, local: bool) -> School:
        if local:
            return self.world.rng.choice(self.local[phase])
        schools = self.away.setdefault(phase, [])
        if len(schools) < 12 or self.world.chance(0.2):
            suffix = {p: s for p, s, _ in MK_SCHOOLS}[phase]
            schools.append(self._school(phase, suffix, False))
            return schools[-1]
        return self.world.rng.choice(schools)


class CareRecords:
    def __init__(self, records: SafeguardingRecords) -> None:
        self.records = records
        self.world = records.world
        self.cic_teams = records.workforce.teams_of("children_in_care")
        self.schools = Schools(self.world)

    def wd(self, day: date, n: int) -> date:
        if day < CALENDAR_FROM:
            return day + timedelta(days=round(n * 7 / 5))
        return self.records.wd(day, n)

    def allocate(
        self, child: Person, role: str, team: Team, start: date, end: date | None
    ) -> Post | None:
        """As ``workforce_gen.allocate``, returning the post so that its holders can act."""
        if end is not None and end <= start:
            return None
        posts = self.records.workforce.posts_of(team)
        post = self.world.rng.choice([p for p in posts if p.settled_on(start)] or posts)
        for worker, piece_start, piece_end in post.holders_during(start, end):
            if piece_end is not None and piece_end <= piece_start:
                continue
            self.world.rows.add(
                Allocation(
                    child=child,
                    role=role,
                    team=team,
                    worker=worker,
                    start_date=piece_start,
                    end_date=piece_end,
                    change_reason=change_reason(role, piece_start, start),
                )
            )
        return post

    def write(self, history: CareHistory, child: Person, period) -> None:
        world, rec = self.world, self.records
        entry, leave = history.entry, history.exit
        team = world.rng.choice(self.cic_teams)
        self.allocate(child, "social_worker", team, entry, leave)
        iro = self.allocate(child, "iro", world.rng.choice(rec.iro_teams), entry, leave)
        self.reviews(child, period, entry, leave, iro)
        self.health(child, entry, leave)
        self.education(child, period, history)
        self.missing(child, period, entry, leave)
        stop = leave or world.census
        first_year = min(stop, entry + timedelta(days=365))
        if entry >= world.start:
            rec.visits(
                child, "looked_after", entry, min(stop, self.wd(entry, 6)), every_wd=5, team=team
            )
        for start, end, every in (
            (max(entry, world.start), first_year, 28),
            (max(first_year, world.start), stop, 55),
        ):
            if start < end:
                rec.visits(child, "looked_after", start, end, every_wd=every, team=team)

    # -- reviews and health ----------------------------------------------------------
    def reviews(self, child, period, entry: date, leave: date | None, iro: Post | None) -> None:
        world, rec = self.world, self.records
        due, number = self.wd(entry, 20), 0
        while True:
            if world.chance(world.profile.flows.review_on_time_share):
                held = max(entry, due - timedelta(days=world.rng.randint(0, 10 if number else 4)))
            else:
                held = due + timedelta(days=world.rng.randint(3, 40))
            if leave and held > leave:
                return
            if held > world.census:
                if leave is None:
                    world.rows.add(LACReview(child=child, period=period, due_date=due))
                return
            if held >= world.start:
                age = child.age_on(held) or 0
                chair = iro.holders_during(held, held) if iro else []
                world.rows.add(
                    LACReview(
                        child=child,
                        period=period,
                        due_date=due,
                        review_date=held,
                        participation="PN0" if age < 4 else world.weighted(PARTICIPATION),
                        chair=chair[0][0] if chair else None,
                        **rec.views(0.9),
                    )
                )
            due = held + timedelta(days=91 if number == 0 else 182)
            number += 1

    def health(self, child: Person, entry: date, leave: date | None) -> None:
        world, rng = self.world, self.world.rng
        stop = leave or world.census
        due = self.wd(entry, 20)
        done = self.wd(entry, rng.randint(4, 20) if world.chance(0.78) else rng.randint(21, 60))
        kind = "initial"
        while done <= stop:
            # The initial assessment is kept however old: it stops the IHA clock.
            if done >= world.start or kind == "initial":
                world.rows.add(
                    HealthAssessment(child=child, kind=kind, due_date=due, assessment_date=done)
                )
                world.rows.add(
                    Immunisations(child=child, checked_on=done, up_to_date=world.chance(0.88))
                )
                if (child.age_on(done) or 0) < 5 and world.chance(0.9):
                    # An under-five's review health assessment brings the development checks.
                    world.rows.add(DevelopmentCheck(child=child, check_date=done))
            due = done + timedelta(days=182 if (child.age_on(done) or 0) < 5 else 365)
            done = (
                due - timedelta(days=rng.randint(0, 30))
                if world.chance(0.85)
                else due + timedelta(days=rng.randint(5, 75))
            )
            kind = "review"
        if leave is None:
            world.rows.add(HealthAssessment(child=child, kind=kind, due_date=due))
        day = entry + timedelta(days=rng.randint(40, 200))
        while day <= stop:
            if day >= world.start and (child.age_on(day) or 0) >= 1 and world.chance(0.85):
                world.rows.add(DentalCheck(child=child, check_date=day))
            day += timedelta(days=rng.randint(300, 420))
        self._sdqs(child, entry, stop)
        self._offending_and_substances(child, entry, stop)

    def _sdqs(self, child: Person, entry: date, stop: date) -> None:
        """The council's yearly SDQ round, from April to September: a child looked after
        on their day in it has a questionnaire if aged 4 to 16 that day (or the reason
        none came back); one under 4 or over 16 that day who turns 4 or 17 during the
        collection year is recorded as too young or too old then (SDQ1)."""
        world, rng = self.world, self.world.rng
        for year in range(collection_year(max(entry, world.start)), collection_year(stop) + 1):
            first, last = date(year - 1, 4, 1), date(year, 3, 31)
            day = world.between(first, date(year - 1, 9, 30))
            if not (entry <= day <= stop and day >= world.start):
                continue
            if 4 <= (child.age_on(day) or 0) <= 16:
                missed = world.chance(0.1)
                score = None if missed else max(0, min(40, round(rng.gauss(14, 6.5))))
                reason = world.weighted(SDQ_MISSED) if missed else ""
            elif any(first <= birthday(child.date_of_birth, age) <= last for age in (4, 17)):
                score, reason = None, "SDQ1"
            else:
                continue
            world.rows.add(
                SDQScore(child=child, completed_date=day, score=score, reason_not_completed=reason)
            )

    def _offending_and_substances(self, child: Person, entry: date, stop: date) -> None:
        """Now and then a young person in care is convicted, or found to misuse drugs or
        alcohol and offered or given help (OC2 for children 10 and over)."""
        world, rng = self.world, self.world.rng
        day = entry + timedelta(days=rng.randint(30, 300))
        while day <= stop:
            if day >= world.start and (child.age_on(day) or 0) >= 10:
                if world.chance(0.03):
                    world.rows.add(Conviction(child=child, convicted_on=day))
                if world.chance(0.04):
                    received = world.chance(0.6)
                    world.rows.add(
                        SubstanceMisuse(
                            child=child,
                            identified_on=day,
                            intervention_received=received,
                            intervention_offered=None if received else world.chance(0.5),
                        )
                    )
            day += timedelta(days=365)

    # -- education -------------------------------------------------------------------
    def education(self, child: Person, period, history: CareHistory) -> None:
        """Main school registrations while looked after: primary, secondary, then college,
        a change of school with some moves of placement, and termly PEPs."""
        world = self.world
        born = child.date_of_birth
        starts = [
            (september_after(born, 4), "primary"),
            (september_after(born, 11), "secondary"),
            (september_after(born, 16), "college"),
        ]
        school_ends = september_after(born, 18)
        begin = max(history.entry, world.start, starts[0][0])
        stop = min(history.exit or world.census, school_ends)
        if begin >= stop:
            return
        special = history.need == "N2" and world.chance(0.6)
        cuts = (
            [begin]
            + [day for day, _ in starts if begin < day < stop]
            + [
                stay.start
                for stay in history.stays
                if begin < stay.start < stop and world.chance(0.35)
            ]
        )
        cuts = sorted(dict.fromkeys(cuts))
        for number, day in enumerate(cuts):
            phase = [p for d, p in starts if d <= day][-1]
            if special and phase != "college":
                phase = "special"
            end = (
                cuts[number + 1]
                if number + 1 < len(cuts)
                else (school_ends if school_ends <= world.census else None)
            )
            stay = history.stay_on(day)
            local = not stay.postcode or in_area(stay.postcode)
            world.rows.add(
                EducationPlacement(
                    child=child,
                    school=self.schools.pick(phase, local),
                    start_date=day,
                    end_date=end,
                )
            )
        self.peps(child, period, history, begin, stop)
        self.virtual_school(child, period, history, cuts, stop)

    def peps(self, child, period, history: CareHistory, begin: date, stop: date) -> None:
        """The first PEP within 20 school days of coming into care, then one each term."""
        world, rng = self.world, self.world.rng
        dues = [date(year, m, d) for year in range(begin.year, stop.year + 2) for m, d in PEP_TERMS]
        dues = [due for due in dues if due > begin + timedelta(days=30)]
        if history.entry == begin:
            dues = [self.wd(begin, 20)] + [due for due in dues if due > begin + timedelta(days=90)]
        for due in dues:
            if due > world.census or due > stop:
                if history.exit is None and due > world.census:
                    world.rows.add(PersonalEducationPlan(child=child, period=period, due_date=due))
                return
            roll = rng.random()
            held = (
                due - timedelta(days=rng.randint(0, 25))
                if roll < 0.85
                else due + timedelta(days=rng.randint(5, 40))
                if roll < 0.95
                else None
            )
            if held and (held < history.entry or held > (history.exit or world.census)):
                held = None
            world.rows.add(
                PersonalEducationPlan(child=child, period=period, due_date=due, pep_date=held)
            )

    def virtual_school(self, child, period, history: CareHistory, cuts, stop: date) -> None:
        """A few contacts with the virtual school while the child is of school age: when
        they come into care, when a move of placement changes their school, and now and
        then during the year (tuition, attendance, a PEP's quality, a suspension). Their
        own random stream, from the child and the day they came into care, leaves the
        rest of the authority as it was."""
        rng = random.Random(f"virtual-school:{child.local_id}:{history.entry}")
        adviser = rng.choice(VIRTUAL_SCHOOL_ADVISERS)
        contacts = []
        if cuts[0] == history.entry:
            contacts.append(
                (
                    self.wd(history.entry, rng.randint(3, 10)),
                    adviser,
                    "Told the child has come into care; school place and attendance checked.",
                    "The child stays at their school; the designated teacher will arrange "
                    "the first PEP meeting.",
                )
            )
        for day in cuts[1:]:
            if history.stay_on(day).start == day:
                contacts.append(
                    (
                        self.wd(day, rng.randint(0, 5)),
                        adviser,
                        "A school place was needed after a move of placement.",
                        "Admission agreed with the new school; the PEP to be updated there.",
                    )
                )
        day = cuts[0] + timedelta(days=rng.randint(60, 240))
        while day < stop:
            if rng.random() < 0.1:
                contacts.append((day, VIRTUAL_SCHOOL_HEAD, *SUSPENSION))
            else:
                contacts.append((day, adviser, *rng.choice(DURING_THE_YEAR)))
            day += timedelta(days=rng.randint(200, 500))
        for day, name, purpose, outcome in contacts:
            if day >= stop:
                continue
            head = name == VIRTUAL_SCHOOL_HEAD
            self.world.rows.add(
                VirtualSchoolContact(
                    child=child,
                    period=period,
                    contact_date=day,
                    role=VirtualSchoolContact.Role.HEAD
                    if head
                    else VirtualSchoolContact.Role.ADVISER,
                    contact_name=name,
                    purpose=purpose,
                    outcome=outcome,
                )
            )

    # -- missing from care -------------------------------------------------------------
    def missing(self, child: Person, period, entry: date, leave: date | None) -> None:
        world, rng = self.world, self.world.rng
        first = max(entry, world.start, birthday(child.date_of_birth, 12))
        last = min(leave or world.census, world.census) - timedelta(days=5)
        if first >= last or not world.chance(
            world.profile.flows.missing_share_of_teenagers / (0.6 if leave is None else 1.5)
        ):
            return
        starts = sorted(
            world.between(first, last)
            for _ in range(world.weighted([(1, 5), (2, 3), (3, 2), (5, 1), (8, 1)]))
        )
        free_from = first
        for start in starts:
            if start < free_from:
                continue
            end = min(
                start + timedelta(days=world.weighted([(0, 5), (1, 4), (2, 2), (4, 1)])), last
            )
            roll = rng.random()
            offered = (
                end + timedelta(days=rng.randint(0, 2))
                if roll < 0.8
                else end + timedelta(days=rng.randint(3, 10))
                if roll < 0.92
                # Offered weeks late, never years (the delay comes from the date, so the
                # random stream and every other record of the seed stay as they were).
                else end + timedelta(days=11 + end.toordinal() % 20)
            )
            if offered and offered > world.census:
                offered = None
            world.rows.add(
                MissingEpisode(
                    child=child,
                    period=period,
                    missing_type="M" if world.chance(0.7) else "A",
                    start_date=start,
                    end_date=end,
                    return_interview_due_date=end + timedelta(days=3),
                    return_interview_offered_on=offered,
                    return_interview_accepted=world.chance(0.65) if offered else None,
                )
            )
            free_from = end + timedelta(days=1)
