"""Reads about care leavers."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from kinfolio.care_leavers.models import (
    CareLeaverStatus,
    Eligibility,
    PathwayPlan,
    PathwayPlanReview,
)
from kinfolio.people.models import Person


def _years_before(day: date, years: int) -> date:
    """The day ``years`` years before ``day``: someone born then reaches that age on
    ``day`` (29 February falls back to 28 February, so a leapling comes of age on
    1 March in other years, as in England)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 2, 28)


def care_leavers_on(day: date) -> QuerySet[Person]:
    """Young people aged 16 or 17 on ``day`` who had care leaver status then: eligible
    (still looked after) or relevant (left care at 16 or 17). This is the "care leaver
    status (aged 16 and 17)" figure inspectors quote (Ofsted, 2012, paragraph 8)."""
    status = CareLeaverStatus.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=day),
        child=OuterRef("pk"),
        start_date__lte=day,
        eligibility__in=[Eligibility.ELIGIBLE, Eligibility.RELEVANT],
    )
    return Person.objects.filter(
        Exists(status),
        date_of_birth__lte=_years_before(day, 16),
        date_of_birth__gt=_years_before(day, 18),
    )


@dataclass
class LeavingCareRecord:
    statuses: list
    plans: list
    contacts: list
    staying_put: list
    health_histories: list

    @property
    def status(self) -> CareLeaverStatus | None:
        return next((s for s in self.statuses if s.end_date is None), None)

    @property
    def plan(self) -> PathwayPlan | None:
        return next((p for p in self.plans if p.end_date is None), None)

    @property
    def next_review(self) -> PathwayPlanReview | None:
        plan = self.plan
        pending = [r for r in plan.reviews.all() if r.review_date is None] if plan else []
        return min(pending, key=lambda r: r.due_date, default=None)


def leaving_care_record_for(child: Person) -> LeavingCareRecord:
    """A care leaver's record in six queries whatever its length."""
    return LeavingCareRecord(
        statuses=list(child.care_leaver_statuses.all()),
        plans=list(
            child.pathway_plans.select_related("personal_adviser").prefetch_related("reviews")
        ),
        contacts=list(child.care_leaver_contacts.order_by("-birthday")),
        staying_put=list(child.staying_put.select_related("foster_household")),
        health_histories=list(child.health_histories_given.order_by("-given_on")),
    )
