"""Makes the records of the safeguarding journey for the generator, one step at a time:
contact, referral, assessment, and (in ``ProtectionRecords``) strategy discussion,
section 47 enquiry, conferences and plans; child in need plans and early help. Timings
are drawn around the statutory timescales so that some are met and some are missed, as
in any real authority."""

from datetime import date, datetime, timedelta

from kinfolio.assessments.models import Assessment, AssessmentFactor
from kinfolio.demo_authority.protection_records import ProtectionRecords
from kinfolio.demo_authority.records_base import collection_year_end
from kinfolio.demo_authority.workforce_gen import allocate
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview
from kinfolio.front_door.models import Contact
from kinfolio.people.models import Person
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview
from kinfolio.workforce.models import Team

# CIN census referral sources, weighted roughly as the national picture (police,
# schools and health refer most).
REFERRAL_SOURCES = [
    ("6", 29),
    ("2A", 19),
    ("3A", 3),
    ("3B", 3),
    ("3D", 3),
    ("3E", 3),
    ("3F", 3),
    ("1A", 6),
    ("1B", 1),
    ("1C", 1),
    ("1D", 2),
    ("4", 2),
    ("5A", 3),
    ("5D", 3),
    ("7", 2),
    ("8", 4),
    ("9", 1),
    ("10", 2),
]
AGENCY_FOR_SOURCE = {
    "6": "Thames Valley Police",
    "2A": "A local school",
    "3A": "GP surgery",
    "3B": "Health visiting service",
    "3D": "Community health",
    "3E": "Milton Keynes University Hospital",
    "3F": "Hospice",
    "4": "Housing",
    "5A": "Adult social care",
    "5D": "Early help",
    "7": "Legal agency",
    "8": "Voluntary sector",
}
CONCERNS = [
    "Domestic abuse incident reported by police; children present.",
    "Child arrived at school hungry and unkempt on several days.",
    "Unexplained bruising noticed at nursery.",
    "Parent's mental health has deteriorated; worries about care of the children.",
    "Child disclosed being hit at home.",
    "Concerns about parental drug use and home conditions.",
    "Young person going missing overnight; concerns about exploitation.",
    "Family in housing crisis; children's needs not met.",
    "Child's disability needs are not being met; parent asking for support.",
]
COMMON_FACTORS = [
    ("3A", 6),
    ("3B", 3),
    ("4B", 8),
    ("2B", 5),
    ("1B", 4),
    ("22A", 6),
    ("16A", 7),
    ("17A", 5),
    ("5A", 2),
    ("6A", 3),
    ("4A", 3),
    ("20", 2),
    ("11A", 1),
    ("18B", 1),
]
NO_FACTORS = "21"
NO_DISABILITY = "NONE"  # the census code for a child found to have no disability
# Disabilities of children referred for one (the CIN census's codes; weights of our own,
# learning disability and autism the most often recorded).
DISABILITIES = [
    ("LD", 30),
    ("AUT", 25),
    ("COMM", 12),
    ("BEH", 10),
    ("MOB", 6),
    ("DDA", 5),
    ("PC", 4),
    ("HEAR", 3),
    ("VIS", 3),
    ("HAND", 2),
    ("INC", 2),
    ("CON", 2),
]


def add_factors(world, assessment: Assessment, *, no_factors: bool = False) -> None:
    """The factors found at an assessment. "21" (no factors identified) is used only
    when the case then closes with no further action: the census queries an episode
    closed otherwise after one such assessment (rule 8873Q)."""
    factors = (
        {NO_FACTORS}
        if no_factors
        else {world.weighted(COMMON_FACTORS) for _ in range(world.rng.randint(1, 3))}
    )
    for factor in sorted(factors):
        world.rows.add(AssessmentFactor(assessment=assessment, factor=factor))


PRIMARY_NEEDS = [
    ("N1", 55),
    ("N2", 6),
    ("N3", 4),
    ("N4", 8),
    ("N5", 17),
    ("N6", 3),
    ("N7", 1),
    ("N8", 2),
    ("N9", 2),
]


class SafeguardingRecords(ProtectionRecords):
    # -- front door -----------------------------------------------------------------
    def contact(
        self,
        child: Person,
        received: date,
        decision: str,
        source: str,
        decided_on: date | None = None,
    ) -> Contact:
        """A contact and the front door's decision on it (usually within a working day)."""
        world = self.world
        received_at = self.at(received)
        if decided_on is None:
            late = world.chance(0.08)
            decided_on = self.wd(
                received, world.rng.randint(2, 4) if late else world.rng.randint(0, 1)
            )
        decided_on = min(decided_on, world.census)
        decided_at = max(received_at, self.at(decided_on))
        mash = world.rng.choice(self.mash or self.referral_teams)
        anonymous = source == "9"
        informed_on = None
        if not anonymous and world.chance(0.86):
            informed_on = self.past(
                decided_on + timedelta(days=world.rng.choice([0, 0, 1, 1, 2, 5]))
            )
        elif not anonymous:
            # Told late, a week to six weeks on (never years: someone chases it). The
            # delay comes from the date, not the random stream, so every other record
            # of the seed stays as it was.
            informed_on = self.past(decided_on + timedelta(days=7 + received.toordinal() % 36))
        informed_at = max(decided_at, self.at(informed_on)) if informed_on else None
        return world.rows.add(
            Contact(
                child=child,
                received_at=received_at,
                source=source,
                referrer_name=""
                if anonymous
                else world.rng.choice(
                    [
                        "PC Hughes",
                        "Mrs Patel (DSL)",
                        "Health visitor Amy Clarke",
                        "Dr Okafor",
                        "Grandmother",
                        "Neighbour",
                        "Family support worker",
                    ]
                ),
                referrer_agency=AGENCY_FOR_SOURCE.get(source, ""),
                concern_summary=world.rng.choice(CONCERNS),
                consent_obtained=world.chance(0.7),
                referrer_anonymous=anonymous,
                anonymity_reason="Fears reprisal from the family." if anonymous else "",
                rag_rating=world.rng.choice(["red", "amber", "amber", "green", "green"]),
                decision_due_at=datetime.combine(self.wd(received, 1), received_at.timetz()),
                decision=decision,
                decided_at=decided_at,
                decided_by=self.worker_on(mash, decided_on),
                referrer_informed_at=informed_at,
                referrer_informed_method=world.rng.choice(["email", "phone", "letter"])
                if informed_at
                else "",
                referrer_informed_content="Outcome of your contact and next steps."
                if informed_at
                else "",
            )
        )

    # -- referral and assessment ------------------------------------------------------
    def referral(
        self,
        child: Person,
        referral_date: date,
        *,
        need: str | None = None,
        source: str | None = None,
    ) -> CINEpisode:
        world = self.world
        source = source or world.weighted(REFERRAL_SOURCES)
        waited = world.rng.choice([0, 0, 0, 1]) if world.chance(0.92) else world.rng.randint(2, 4)
        received = self.wd(referral_date, -waited) if waited else referral_date
        contact = self.contact(child, received, "referral", source, decided_on=referral_date)
        team = world.rng.choice(self.referral_teams)
        need = need or world.weighted(PRIMARY_NEEDS)
        if need == "N2" and child.disabilities in ("", NO_DISABILITY):
            # A child referred for their disability has it recorded, with the DfE's codes.
            draws = world.aside(f"disabilities {child.local_id}")
            values, weights = zip(*DISABILITIES, strict=True)
            codes = draws.choices(values, weights=weights, k=draws.randint(1, 3))
            child.disabilities = ",".join(sorted(set(codes)))
        return world.rows.add(
            CINEpisode(
                child=child,
                contact=contact,
                referral_date=referral_date,
                referral_source=source,
                primary_need=need,
                team=team,
                worker=self.worker_on(team, referral_date, child),
            )
        )

    def close(self, episode: CINEpisode, on: date, reason: str) -> None:
        if on <= self.world.census:
            episode.close_date, episode.close_reason = on, reason

    def assessment(self, episode: CINEpisode, *, in_time: bool, outcome: str) -> date:
        """An assessment from the referral; returns the day it was (or will be) authorised."""
        world = self.world
        start = self.wd(episode.referral_date, world.rng.randint(0, 2))
        due = self.wd(episode.referral_date, 45)
        days = world.rng.randint(8, 45) if in_time else world.rng.randint(46, 75)
        authorised = self.wd(episode.referral_date, days)
        year_end = collection_year_end(start)
        if self.wd(start, 45) < year_end < authorised:
            # A late assessment is finished before the year's census rather than
            # left open and overdue at 31 March (CIN query 8670Q).
            authorised = self.wd(self.wd(year_end, 1), -1)
        done = self.past(authorised)
        if start > world.census:
            return authorised  # not started by the census date
        age = episode.child.age_on(start)
        seen = episode.child.date_of_birth is not None and world.chance(0.95)
        assessment = world.rows.add(
            Assessment(
                child=episode.child,
                cin_episode=episode,
                start_date=start,
                due_date=due,
                worker=self.worker_on(episode.team, start, episode.child),
                child_seen=seen,
                child_seen_alone=seen and (age or 0) >= 5 and world.chance(0.7),
                authorised_date=done,
                outcome_nfa=bool(done) and outcome == "nfa",
                outcome_cin_plan=bool(done) and outcome == "cin",
                outcome_strategy_discussion=bool(done) and outcome == "strategy",
                signed_off_by=self.manager_of(episode.team) if done else None,
                signed_off_at=self.at(done) if done else None,
                **self.views(),
            )
        )
        add_factors(world, assessment, no_factors=outcome == "nfa" and world.chance(0.15))
        if done and not episode.child.disabilities and episode.child.date_of_birth:
            episode.child.disabilities = NO_DISABILITY  # what the assessment found
        return authorised

    # -- child in need and early help ------------------------------------------------
    def cin_plan(self, episode: CINEpisode, team: Team, start: date, end: date | None) -> None:
        world = self.world
        end = self.past(end)
        plan = world.rows.add(
            CINPlan(
                child=episode.child,
                cin_episode=episode,
                start_date=start,
                end_date=end,
                team=team,
                worker=self.worker_on(team, start, episode.child),
                **self.views(),
            )
        )
        last = end or world.census
        review = start + timedelta(days=world.rng.randint(80, 100))
        while review < last:
            world.rows.add(CINPlanReview(plan=plan, review_date=review))
            review += timedelta(days=world.rng.randint(80, 100))
        self.visits(episode.child, "cin", start, last, every_wd=20, team=team, cin_plan=plan)

    def early_help(
        self,
        child: Person,
        start: date,
        end: date | None,
        *,
        stepped_down_from: CINEpisode | None = None,
        stepped_up_to: CINEpisode | None = None,
    ) -> EarlyHelpEpisode:
        world = self.world
        team = world.rng.choice(self.early_help_teams)
        end = self.past(end)
        episode = world.rows.add(
            EarlyHelpEpisode(
                child=child,
                start_date=start,
                end_date=end,
                lead_practitioner=self.worker_on(team, start, child),
                team=team,
                assessment_date=self.past(self.wd(start, world.rng.randint(5, 25))),
                closure_reason=(
                    "stepped_up"
                    if stepped_up_to
                    else world.weighted(
                        [
                            ("outcomes_achieved", 6),
                            ("family_declined", 1),
                            ("disengaged", 1),
                            ("moved_away", 1),
                        ]
                    )
                )
                if end
                else "",
                stepped_up_to=stepped_up_to,
                stepped_down_from=stepped_down_from,
                step_down_plan="Team around the family continues the child in need plan's "
                "actions; family support worker visits fortnightly."
                if stepped_down_from
                else "",
            )
        )
        review = start + timedelta(days=world.rng.randint(40, 60))
        while review < (end or world.census):
            world.rows.add(
                EarlyHelpReview(
                    episode=episode, review_date=review, summary="Team around the family review."
                )
            )
            review += timedelta(days=world.rng.randint(40, 70))
        allocate(
            world,
            self.workforce,
            child=child,
            role="early_help_practitioner",
            team=team,
            start=start,
            end=end,
        )
        return episode
