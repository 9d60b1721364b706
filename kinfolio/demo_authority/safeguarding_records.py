"""Makes the records of the safeguarding journey for the generator, one step at a time:
contact, referral, assessment, strategy discussion, section 47 enquiry, conferences,
plans, core groups and visits. Timings are drawn around the statutory timescales so
that some are met and some are missed, as in any real authority."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kinfolio.assessments.models import Assessment, AssessmentFactor
from kinfolio.casework.models import Visit
from kinfolio.demo_authority.workforce_gen import Workforce, allocate
from kinfolio.demo_authority.world import World
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview
from kinfolio.front_door.models import Contact
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview
from kinfolio.workforce.models import Team, Worker

LONDON = ZoneInfo("Europe/London")

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
    ("21", 2),
    ("4A", 3),
    ("20", 2),
    ("11A", 1),
    ("18B", 1),
]
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


class SafeguardingRecords:
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
        return {
            "childs_views_not_recorded_reason": self.world.rng.choice(
                [
                    "Child is a baby; observed interaction with parent instead.",
                    "Child was asleep during the visit.",
                    "Child declined to speak with me.",
                ]
            )
        }

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
        return world.rows.add(
            CINEpisode(
                child=child,
                contact=contact,
                referral_date=referral_date,
                referral_source=source,
                primary_need=need or world.weighted(PRIMARY_NEEDS),
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
        for factor in sorted({world.weighted(COMMON_FACTORS)
                              for _ in range(world.rng.randint(1, 3))}):
            world.rows.add(AssessmentFactor(assessment=assessment, factor=factor))
        return authorised

    # -- child protection -------------------------------------------------------------
    def strategy_and_enquiry(
        self, episode: CINEpisode, day: date, *, outcome: str
    ) -> Section47Enquiry:
        world = self.world
        team = episode.team
        discussion = world.rows.add(
            StrategyDiscussion(
                child=episode.child,
                cin_episode=episode,
                discussion_date=day,
                held=True,
                attendee_agencies="Children's social care; Thames Valley Police; health; school",
                decision="s47",
                chair=self.manager_of(team),
            )
        )
        end = self.past(self.wd(day, world.rng.randint(3, 15)))
        return world.rows.add(
            Section47Enquiry(
                child=episode.child,
                cin_episode=episode,
                strategy_discussion=discussion,
                start_date=day,
                end_date=end,
                outcome=outcome if end else "",
                icpc_due_date=self.wd(day, 15),
                worker=self.worker_on(team, day, episode.child),
            )
        )

    def conference(
        self,
        child: Person,
        day: date,
        *,
        kind: str,
        due: date,
        section47: Section47Enquiry | None = None,
        plan: ChildProtectionPlan | None = None,
        category: str = "",
        plan_required: bool = True,
    ) -> ChildProtectionConference:
        world = self.world
        late_invites = world.chance(0.15)
        invites = day - timedelta(
            days=world.rng.randint(2, 4) if late_invites else world.rng.randint(7, 12)
        )
        minutes = self.past(self.wd(day, world.rng.randint(5, 25)))
        iro_team = world.rng.choice(self.iro_teams)
        return world.rows.add(
            ChildProtectionConference(
                child=child,
                conference_type=kind,
                section47=section47,
                cp_plan=plan,
                due_date=due,
                conference_date=day,
                invitations_sent_on=invites,
                reports_shared_on=day - timedelta(days=world.rng.randint(1, 4)),
                minutes_distributed_on=minutes,
                chair=self.worker_on(iro_team, day),
                child_attended=(child.age_on(day) or 0) >= 12 and world.chance(0.4),
                plan_required=plan_required,
                category_of_abuse=category if plan_required else "",
                **self.views(0.75),
            )
        )

    def protection_plan(
        self,
        episode: CINEpisode,
        icpc: ChildProtectionConference,
        *,
        team: Team,
        end: date | None,
        end_reason: str,
    ) -> ChildProtectionPlan:
        world = self.world
        end = self.past(end)
        plan = world.rows.add(
            ChildProtectionPlan(
                child=episode.child,
                cin_episode=episode,
                initial_conference=icpc,
                start_date=icpc.conference_date,
                end_date=end,
                initial_category=icpc.category_of_abuse,
                latest_category=icpc.category_of_abuse,
                end_reason=end_reason if end else "",
            )
        )
        last = end or world.census
        # Core groups: the first within 10 working days, then about every six weeks.
        meeting = self.wd(
            icpc.conference_date, world.rng.randint(4, 10 if world.chance(0.9) else 16)
        )
        while meeting < last:
            world.rows.add(CoreGroupMeeting(plan=plan, meeting_date=meeting))
            meeting += timedelta(days=world.rng.randint(35, 49))
        # Review conferences: within 3 months of the ICPC, then every 6 months.
        due = icpc.conference_date + timedelta(days=91)
        while due < last:
            on_time = world.chance(world.profile.flows.review_on_time_share)
            held = (
                due - timedelta(days=world.rng.randint(0, 10))
                if on_time
                else due + timedelta(days=world.rng.randint(3, 30))
            )
            if held >= last:
                break
            world.rows.add(
                ChildProtectionConference(
                    child=episode.child,
                    conference_type="review",
                    cp_plan=plan,
                    due_date=due,
                    conference_date=held,
                    invitations_sent_on=held - timedelta(days=8),
                    reports_shared_on=held - timedelta(days=2),
                    minutes_distributed_on=self.past(self.wd(held, world.rng.randint(5, 20))),
                    chair=icpc.chair,
                    plan_required=True,
                    category_of_abuse=plan.latest_category,
                    **self.views(0.75),
                )
            )
            due = held + timedelta(days=182)
        self.visits(
            episode.child, "cp", icpc.conference_date, last, every_wd=10, team=team, cp_plan=plan
        )
        return plan

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
        allocate(world, self.workforce, child=child, role="early_help_practitioner", team=team,
                 start=start, end=end)
        return episode
