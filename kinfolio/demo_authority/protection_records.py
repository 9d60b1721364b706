"""Child protection records for the generator: strategy discussions, section 47
enquiries, conferences, plans with their core groups, reviews and visits."""

from datetime import date, timedelta

from kinfolio.demo_authority.records_base import RecordMaker
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolio.referrals.models import CINEpisode
from kinfolio.workforce.models import Team


class ProtectionRecords(RecordMaker):
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
        if section47 is not None and section47.end_date and section47.end_date > day:
            # The enquiry ends by its conference (else the census holds an enquiry whose
            # conference fell in an earlier year: CIN rule 8715).
            section47.end_date = day
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
