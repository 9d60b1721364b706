"""The dated facts clocks are made from, read in bulk: one query per kind of record for
all the children asked about, whatever their number, and only when a rule needs it.

Each property maps a child's id to their rows (plain tuples, oldest first), so a clock
function never queries the database itself.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cached_property
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from kinfolio.assessments.models import Assessment
from kinfolio.care_leavers.models import PathwayPlan, PathwayPlanReview
from kinfolio.casework.models import Visit
from kinfolio.children_in_care.models import (
    CareEpisode,
    HealthAssessment,
    LACReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
)
from kinfolio.fostering.models import PrivateFosteringArrangement
from kinfolio.front_door.models import Contact
from kinfolio.people.models import Person
from kinfolio.protection.models import (
    ChildProtectionConference,
    ChildProtectionPlan,
    CoreGroupMeeting,
    Section47Enquiry,
)
from kinfolio.referrals.models import CINEpisode
from kinfolio.workforce.models import Allocation

Rows = dict[int, list[Any]]


def _by_child(rows, order: int | None = None) -> Rows:
    grouped: Rows = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row)
    if order is not None:
        for values in grouped.values():
            values.sort(key=lambda r: (r[order] is None, r[order] or dt.date.min, r[1]))
    return grouped


def local_date(moment: dt.datetime | None, zone: dt.tzinfo | None = None) -> dt.date | None:
    """The UK calendar date of a moment (pass ``zone`` when converting many)."""
    if moment is None:
        return None
    return moment.astimezone(zone or timezone.get_current_timezone()).date()


class CaseRecords:
    """Lazily loaded records of a set of children (a queryset, used as a subquery)."""

    def __init__(
        self, children: QuerySet[Person], today: dt.date | None = None, *, open_only: bool = False
    ) -> None:
        """``open_only`` skips records that can only yield stopped clocks (a contact
        decided and whose referrer was told, a closed episode or plan...): the clocks
        still running are the same, read faster."""
        self.children = children.order_by().values("pk")
        self.today = today or timezone.localdate()
        self.open_only = open_only

    def _open(self, **filters) -> dict:
        return filters if self.open_only else {}

    def _of(self, model, *fields: str, order: int | None = None, **filters) -> Rows:
        rows = model.objects.filter(child__in=self.children, **filters).order_by()
        return _by_child(rows.values_list("child_id", "pk", *fields), order)

    @cached_property
    def births(self) -> dict[int, dt.date | None]:
        return dict(Person.objects.filter(pk__in=self.children).values_list("pk", "date_of_birth"))

    @cached_property
    def holders(self) -> dict[tuple[int, str], tuple[int | None, int]]:
        """(child, role) → (worker, team) of the open allocation (``engine.held``): the
        worker only up to their leaving date (their last day in post); after it the
        team holds the child until it allocates another worker."""
        rows = Allocation.objects.filter(child__in=self.children, end_date__isnull=True)
        rows = rows.values_list("child_id", "role", "worker_id", "team_id", "worker__end_date")
        return {
            (c, role): (w if left is None or left >= self.today else None, t)
            for c, role, w, t, left in rows
        }

    @cached_property
    def contacts(self) -> Rows:
        # child, pk, received, decided, informed, decided by, referrer anonymous
        rows = Contact.objects.filter(child__in=self.children).order_by()
        if self.open_only:
            rows = rows.filter(Q(decided_at__isnull=True) | Q(referrer_informed_at__isnull=True))
        rows = rows.values_list(
            "child_id",
            "pk",
            "received_at",
            "decided_at",
            "referrer_informed_at",
            "decided_by_id",
            "referrer_anonymous",
        )
        zone = timezone.get_current_timezone()
        return _by_child(
            (
                (c, pk, local_date(r, zone), local_date(d, zone), local_date(i, zone), w, a)
                for c, pk, r, d, i, w, a in rows
            ),
            order=2,
        )

    @cached_property
    def episodes(self) -> Rows:
        return self._of(
            CINEpisode,
            "referral_date",
            "close_date",
            "nfa",
            "worker_id",
            "team_id",
            order=2,
            **self._open(close_date__isnull=True),
        )

    @cached_property
    def assessments(self) -> Rows:
        return self._of(
            Assessment,
            "cin_episode_id",
            "start_date",
            "authorised_date",
            "worker_id",
            order=3,
            **self._open(cin_episode__close_date__isnull=True),
        )

    @cached_property
    def enquiries(self) -> Rows:
        return self._of(
            Section47Enquiry,
            "strategy_discussion__discussion_date",
            "end_date",
            "outcome",
            "worker_id",
            order=2,
            strategy_discussion__isnull=False,
        )

    @cached_property
    def conferences(self) -> Rows:
        return self._of(
            ChildProtectionConference,
            "conference_type",
            "conference_date",
            "section47_id",
            "cp_plan_id",
            "invitations_sent_on",
            "reports_shared_on",
            "minutes_distributed_on",
            order=3,
        )

    @cached_property
    def plans(self) -> Rows:
        return self._of(
            ChildProtectionPlan,
            "start_date",
            "end_date",
            order=2,
            **self._open(end_date__isnull=True),
        )

    @cached_property
    def core_groups(self) -> dict[int, list[dt.date]]:
        dates: dict[int, list[dt.date]] = defaultdict(list)
        rows = CoreGroupMeeting.objects.filter(
            plan__child__in=self.children, **self._open(plan__end_date__isnull=True)
        ).order_by()
        for plan_id, day in rows.values_list("plan_id", "meeting_date"):
            dates[plan_id].append(day)
        return {plan: sorted(days) for plan, days in dates.items()}

    @cached_property
    def visits(self) -> Rows:
        if not self.open_only:
            return self._of(Visit, "kind", "visit_date", order=3)
        # Only visits of children with an open plan, period of care or arrangement can
        # stop or start a running clock.
        open_container = (
            Exists(
                ChildProtectionPlan.objects.filter(child=OuterRef("child"), end_date__isnull=True)
            )
            | Exists(PeriodOfCare.objects.filter(child=OuterRef("child"), end_date__isnull=True))
            | Exists(
                PrivateFosteringArrangement.objects.filter(
                    child=OuterRef("child"), end_date__isnull=True
                )
            )
        )
        return self._of(
            Visit,
            "kind",
            "visit_date",
            order=3,
            pk__in=Visit.objects.filter(open_container, child__in=self.children).values("pk"),
        )

    @cached_property
    def _visits_by_kind(self) -> dict[tuple[int, str], list[dt.date]]:
        dates: dict[tuple[int, str], list[dt.date]] = defaultdict(list)
        for child_id, rows in self.visits.items():
            for row in rows:
                dates[child_id, row[2]].append(row[3])
        return dates

    def visit_dates(self, child_id: int, kind: str) -> list[dt.date]:
        """The child's visits of one kind, oldest first."""
        return self._visits_by_kind.get((child_id, kind), [])

    @cached_property
    def periods(self) -> Rows:
        return self._of(PeriodOfCare, "start_date", "end_date", order=2)

    @cached_property
    def care_episodes(self) -> Rows:
        rows = CareEpisode.objects.filter(period__child__in=self.children).order_by()
        return _by_child(
            rows.values_list(
                "period__child_id",
                "pk",
                "start_date",
                "end_date",
                "reason_new_episode",
                "placement_type",
            ),
            order=2,
        )

    @cached_property
    def lac_reviews(self) -> Rows:
        return self._of(LACReview, "period_id", "review_date", order=3)

    @cached_property
    def health_assessments(self) -> Rows:
        return self._of(HealthAssessment, "kind", "assessment_date", order=3)

    @cached_property
    def peps(self) -> Rows:
        return self._of(PersonalEducationPlan, "period_id", "pep_date", order=3)

    @cached_property
    def missing(self) -> Rows:
        return self._of(
            MissingEpisode,
            "end_date",
            "return_interview_offered_on",
            order=2,
            end_date__isnull=False,
            **self._open(return_interview_offered_on__isnull=True),
        )

    @cached_property
    def pathway_plans(self) -> Rows:
        return self._of(PathwayPlan, "start_date", "end_date", order=2)

    @cached_property
    def pathway_reviews(self) -> dict[int, list[dt.date]]:
        dates: dict[int, list[dt.date]] = defaultdict(list)
        rows = PathwayPlanReview.objects.filter(
            plan__child__in=self.children, review_date__isnull=False
        ).order_by()
        for plan_id, day in rows.values_list("plan_id", "review_date"):
            dates[plan_id].append(day)
        return {plan: sorted(days) for plan, days in dates.items()}

    @cached_property
    def private_fostering(self) -> Rows:
        return self._of(
            PrivateFosteringArrangement,
            "notified_on",
            "start_date",
            "end_date",
            "first_visit_on",
            order=2,
        )
