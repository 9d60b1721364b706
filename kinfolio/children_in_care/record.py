"""Reads for a looked after child's care record: their periods of care and episodes,
reviews and recommendations, health, education (PEPs, virtual school contacts), missing
episodes and UASC status. A fixed number of queries whatever the child's history."""

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch

from kinfolio.children_in_care.models import (
    LACReview,
    PeriodOfCare,
    PersonalEducationPlan,
    ReviewRecommendation,
)
from kinfolio.people.models import Person
from kinfolio.timescales import term_dates
from kinfolio.timescales.calendar import CalendarHorizonError
from kinfolio.timescales.care_clocks import PEP_AGES
from kinfolio.timescales.engine import Clock
from kinfolio.timescales.models import SchoolTerm
from kinfolio.timescales.selectors import clocks_for
from kinfolio.timescales.services import due_date

# The engine's rules for each kind of health assessment (statutory guidance; the
# initial assessment's local 28-working-day KPI is reported, not shown as the deadline).
HEALTH_ASSESSMENT_RULES = {
    "initial": ("initial_health_assessment_20wd",),
    "review": ("review_health_assessment_under5_6m", "review_health_assessment_5plus_12m"),
}


@dataclass(frozen=True)
class PEPDue:
    """When the next PEP is due, or why that cannot be worked out."""

    due: dt.date | None
    problem: str = ""


@dataclass
class CareRecord:
    periods: list[PeriodOfCare]
    reviews: list[LACReview]
    open_recommendations: list[ReviewRecommendation]
    health_assessments: list = field(default_factory=list)
    dental_checks: list = field(default_factory=list)
    immunisations: list = field(default_factory=list)
    sdq_scores: list = field(default_factory=list)
    peps: list = field(default_factory=list)
    virtual_school_contacts: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    uasc: list = field(default_factory=list)
    health_due: list[Clock] = field(default_factory=list)
    next_pep: PEPDue | None = None
    term_warning: term_dates.TermDatesWarning | None = None

    @property
    def open_period(self) -> PeriodOfCare | None:
        return next((p for p in self.periods if p.end_date is None), None)

    @property
    def next_review(self) -> LACReview | None:
        return next((r for r in self.reviews if r.review_date is None), None)


def care_record_for(child: Person, *, today: dt.date) -> CareRecord:
    recommendations = ReviewRecommendation.objects.select_related("owner")
    periods = list(
        child.periods_of_care.prefetch_related("episodes__foster_household", "episodes__provider")
    )
    record = CareRecord(
        periods=periods,
        reviews=list(
            child.lac_reviews.select_related("chair")
            .prefetch_related(Prefetch("recommendations", queryset=recommendations))
            .order_by("-due_date")
        ),
        open_recommendations=list(
            recommendations.filter(child=child, completed_on__isnull=True).order_by("due_date")
        ),
        health_assessments=list(child.health_assessments.order_by("-due_date")),
        dental_checks=list(child.dental_checks.order_by("-check_date")),
        immunisations=list(child.immunisation_checks.order_by("-checked_on")),
        sdq_scores=list(child.sdq_scores.order_by("-completed_date")),
        peps=list(child.personal_education_plans.order_by("-due_date")),
        virtual_school_contacts=list(child.virtual_school_contacts.order_by("-contact_date")),
        missing=list(child.missing_episodes.order_by("-start_date")),
        uasc=list(child.uasc_statuses.all()),
    )
    record.reviews.reverse()  # soonest first reads as the plan of reviews
    period = record.open_period
    if period is not None:
        record.health_due = health_assessments_due(child)
    # PEPs are for children of compulsory school age (the engine's first-PEP clock too).
    if period is not None and child.age_on(period.start_date) in PEP_AGES:
        record.next_pep = next_pep_due(period, record.peps)
        record.term_warning = term_dates.warning(today)
    return record


def health_assessments_due(child: Person) -> list[Clock]:
    """The child's health assessments still to be done, as the timescales engine works
    them out (initial within 20 working days of becoming looked after; reviews every 6
    months under 5, every year from 5), soonest first."""
    keys = [key for keys in HEALTH_ASSESSMENT_RULES.values() for key in keys]
    found = clocks_for(Person.objects.filter(pk=child.pk), keys=keys, open_only=True)
    return sorted(found, key=lambda clock: (clock.due_on is None, clock.due_on or dt.date.max))


def _term_of(term: SchoolTerm) -> tuple[str, str]:
    # Half-terms are stored apart, each saying which term it is half of; a PEP is
    # reviewed once a term.
    return (term.academic_year, term.term)


def next_pep_due(period: PeriodOfCare, peps: list[PersonalEducationPlan]) -> PEPDue:
    """The first PEP is due 20 school days after the child becomes looked after (the
    engine's ``pep_20sd``); later ones by the end of each following term."""
    agreed = sorted(p.pep_date for p in peps if p.pep_date and p.period_id == period.pk)
    try:
        if not agreed:
            return PEPDue(due_date("pep_20sd", period.start_date))
    except CalendarHorizonError as error:
        return PEPDue(None, str(error))
    terms = [list(rows) for _, rows in groupby(SchoolTerm.objects.all(), key=_term_of)]
    last = agreed[-1]
    # The term of the last PEP (a PEP in the holidays counts for the term before).
    current = next((i for i, rows in enumerate(terms) if rows[-1].end_date >= last), len(terms))
    following = (
        current + 1 if current < len(terms) and terms[current][0].start_date <= last else current
    )
    if following < len(terms):
        return PEPDue(terms[following][-1].end_date)
    ended = terms[-1][-1].end_date if terms else last
    return PEPDue(
        None,
        f"School term dates end on {ended:%-d %B %Y}; add the terms that follow to "
        "calculate this date.",
    )
