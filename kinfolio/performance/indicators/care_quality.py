"""Indicators of looked after children's health, education, missing episodes, reviews
and visits (SSDA903 OC2 and missing tables; timeliness from the timescales engine)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Subquery

from kinfolio.children_in_care.models import (
    DentalCheck,
    HealthAssessment,
    Immunisations,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
    SDQScore,
)
from kinfolio.performance.indicators.base import (
    Context,
    Counted,
    Indicator,
    Polarity,
    Row,
    Unit,
    first_per_child,
    rows_of,
)
from kinfolio.performance.indicators.looked_after import (
    CLA_RELEASE,
    WITHOUT_SHORT_BREAKS,
    looked_after_at_end,
)
from kinfolio.performance.indicators.safeguarding import LOCAL
from kinfolio.performance.indicators.selection import in_period, on_time, overlapping
from kinfolio.timescales.engine import add_months

MISSING, AWAY = "M", "A"  # MISSING_TYPE
SDQ_AGES = (4, 16)  # the SSDA903 OC2 collects SDQs for children aged 4 to 16
PEP_AGES = (5, 15)  # compulsory school age, in whole years at the end of the period
AREA = "Children looked after: health, education and safety"


def _born_between(context: Context, youngest: int, oldest: int) -> dict:
    """Filters for children aged ``youngest`` to ``oldest`` on the period's last day."""
    end = context.period.end
    return {
        "child__date_of_birth__lte": add_months(end, -12 * youngest),
        "child__date_of_birth__gt": add_months(end, -12 * (oldest + 1)),
    }


def _year_cohort(context: Context):
    """The OC2 cohort: looked after at the end of the period, continuously for at least
    the 12 months before it."""
    return looked_after_at_end(context).filter(start_date__lte=add_months(context.period.end, -12))


def year_cohort(context: Context) -> list[Row]:
    return rows_of(_year_cohort(context), on="start_date")


def _in_last_year(model, field: str, context: Context, **filters) -> Exists:
    end = context.period.end
    return Exists(
        model.objects.filter(
            child=OuterRef("child_id"),
            **{f"{field}__gt": add_months(end, -12), f"{field}__lte": end},
            **filters,
        )
    )


def health_assessed(context: Context) -> list[Row]:
    checked = _in_last_year(HealthAssessment, "assessment_date", context)
    return rows_of(_year_cohort(context).filter(checked), on="start_date")


def dental_checked(context: Context) -> list[Row]:
    checked = _in_last_year(DentalCheck, "check_date", context)
    return rows_of(_year_cohort(context).filter(checked), on="start_date")


def immunised(context: Context) -> list[Row]:
    latest = Immunisations.objects.filter(
        child=OuterRef("child_id"), checked_on__lte=context.period.end
    ).order_by("-checked_on", "-pk")
    cohort = _year_cohort(context).annotate(up_to_date=Subquery(latest.values("up_to_date")[:1]))
    return rows_of(cohort.filter(up_to_date=True), on="start_date")


def _sdq_cohort(context: Context):
    return _year_cohort(context).filter(**_born_between(context, *SDQ_AGES))


def sdq_cohort(context: Context) -> list[Row]:
    return rows_of(_sdq_cohort(context), on="start_date")


def _latest_score(context: Context):
    end = context.period.end
    scores = SDQScore.objects.filter(
        child=OuterRef("child_id"),
        score__isnull=False,
        completed_date__gt=add_months(end, -12),
        completed_date__lte=end,
    ).order_by("-completed_date", "-pk")
    cohort = _sdq_cohort(context).annotate(latest_score=Subquery(scores.values("score")[:1]))
    return cohort.filter(latest_score__isnull=False)


def sdq_scored(context: Context) -> list[Row]:
    return rows_of(_latest_score(context), on="start_date")


def sdq_scores(context: Context) -> list[Row]:
    return rows_of(_latest_score(context), on="start_date", value="latest_score")


def _pep_cohort(context: Context):
    return looked_after_at_end(context).filter(**_born_between(context, *PEP_AGES))


def pep_cohort(context: Context) -> list[Row]:
    return rows_of(_pep_cohort(context), on="start_date")


def pep_in_date(context: Context) -> list[Row]:
    """A PEP agreed by the end of the period, and none due by then still not agreed."""
    end = context.period.end
    peps = PersonalEducationPlan.objects.filter(child=OuterRef("child_id"))
    agreed = Exists(peps.filter(pep_date__lte=end))
    overdue = Exists(peps.filter(due_date__lte=end).exclude(pep_date__lte=end))
    return rows_of(_pep_cohort(context).filter(agreed).exclude(overdue), on="start_date")


def looked_after_in_period(context: Context) -> list[Row]:
    periods = overlapping(PeriodOfCare.objects.all(), context.period)
    return first_per_child(rows_of(context.scoped(periods), on="start_date"))


def _went(kind: str):
    def measure(context: Context) -> list[Row]:
        episodes = overlapping(MissingEpisode.objects.filter(missing_type=kind), context.period)
        went = {row.child_id for row in rows_of(context.scoped(episodes), on="start_date")}
        return [row for row in looked_after_in_period(context) if row.child_id in went]

    return measure


def _returned(context: Context):
    ended = MissingEpisode.objects.filter(missing_type=MISSING)
    return context.scoped(in_period(ended, "end_date", context.period))


def returned_from_missing(context: Context) -> list[Row]:
    return rows_of(_returned(context), on="end_date")


def return_interview_offered(context: Context) -> list[Row]:
    offered = _returned(context).filter(return_interview_offered_on__isnull=False)
    return rows_of(offered, on="end_date")


REVIEW_NUMERATOR, REVIEW_DENOMINATOR = on_time(
    "lac_review_first_20wd", "lac_review_second_3m", "lac_review_subsequent_6m"
)
VISIT_NUMERATOR, VISIT_DENOMINATOR = on_time(
    "lac_visit_first_1w", "lac_visit_first_year_6w", "lac_visit_3m", "lac_visit_long_term_6m"
)
RHI_NUMERATOR, RHI_DENOMINATOR = on_time("return_interview_72h")
IHA_NUMERATOR, IHA_DENOMINATOR = on_time("initial_health_assessment_20wd")
IHA_LOCAL_NUMERATOR, IHA_LOCAL_DENOMINATOR = on_time("initial_health_assessment_28wd")


def _oc2(id: str, name: str, what: str, numerator, label: str, lait: str) -> Indicator:
    return Indicator(
        id=id,
        name=name,
        definition="Of the children looked after at the end of the period who had been "
        f"looked after continuously for at least 12 months, the share {what}. "
        f"{WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.AT_END,
        numerator=numerator,
        numerator_label=label,
        denominator=year_cohort,
        denominator_label="Children looked after 12 months or more",
        source=CLA_RELEASE,
        lait=lait,
        area=AREA,
    )


def _timely(id: str, name: str, definition: str, pair, label: str, source: str) -> Indicator:
    return Indicator(
        id=id,
        name=name,
        definition=definition,
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=pair[0],
        numerator_label=f"{label} on time",
        denominator=pair[1],
        denominator_label=label,
        source=source,
        area=AREA,
    )


INDICATORS = [
    _oc2(
        "health_assessments",
        "Health assessments up to date",
        "with a health assessment in the 12 months to the end of the period",
        health_assessed,
        "Children with a health assessment",
        "LACHealth%",
    ),
    _oc2(
        "dental_checks",
        "Dental checks",
        "with a dental check in the 12 months to the end of the period",
        dental_checked,
        "Children with a dental check",
        "LACDental%",
    ),
    _oc2(
        "immunisations",
        "Immunisations up to date",
        "whose latest immunisation check found them up to date",
        immunised,
        "Children with immunisations up to date",
        "LACVaccinations%",
    ),
    Indicator(
        id="sdq_completed",
        name="Strengths and difficulties questionnaires completed",
        definition="Of the children aged 4 to 16 looked after continuously for at least 12 "
        "months at the end of the period, the share with an SDQ score recorded in the 12 "
        f"months to the end of the period. {WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.AT_END,
        numerator=sdq_scored,
        numerator_label="Children with an SDQ score",
        denominator=sdq_cohort,
        denominator_label="Children aged 4 to 16 looked after 12 months or more",
        source=CLA_RELEASE,
        area=AREA,
    ),
    Indicator(
        id="sdq_average",
        name="Average SDQ score",
        definition="The average of the latest SDQ total score (0 to 40; higher means more "
        "difficulties) of each child counted as having one in the SDQ completion measure.",
        unit=Unit.AVERAGE,
        polarity=Polarity.LOW,
        counted=Counted.AT_END,
        numerator=sdq_scores,
        numerator_label="Total of the latest scores",
        denominator=sdq_scored,
        denominator_label="Children with an SDQ score",
        source=CLA_RELEASE,
        lait="Emotional_LAC",
        area=AREA,
    ),
    Indicator(
        id="peps_in_date",
        name="Personal education plans in date",
        definition="Of the children aged 5 to 15 looked after at the end of the period, the "
        "share with a personal education plan agreed by then and none due by then (by the "
        f"date the timescales engine set) still not agreed. {WITHOUT_SHORT_BREAKS}",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.AT_END,
        numerator=pep_in_date,
        numerator_label="Children with a PEP in date",
        denominator=pep_cohort,
        denominator_label="Children aged 5 to 15 looked after",
        source=LOCAL,
        area=AREA,
    ),
    Indicator(
        id="missing",
        name="Children who went missing",
        definition="Of the children looked after at some time in the period, the share with "
        "an episode of being missing from care (whereabouts unknown) in it.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=_went(MISSING),
        numerator_label="Children who went missing",
        denominator=looked_after_in_period,
        denominator_label="Children looked after in the period",
        source=CLA_RELEASE,
        lait="Children_missing",
        area=AREA,
    ),
    Indicator(
        id="away",
        name="Children away from placement without authorisation",
        definition="Of the children looked after at some time in the period, the share with "
        "an episode of being away from their placement without authorisation in it.",
        unit=Unit.PERCENT,
        polarity=Polarity.LOW,
        counted=Counted.IN_PERIOD,
        numerator=_went(AWAY),
        numerator_label="Children away from placement",
        denominator=looked_after_in_period,
        denominator_label="Children looked after in the period",
        source=CLA_RELEASE,
        lait="Children_Away",
        area=AREA,
    ),
    Indicator(
        id="return_interviews_offered",
        name="Return home interviews offered",
        definition="Of the missing episodes that ended in the period, the share after which "
        "the child was offered a return home interview.",
        unit=Unit.PERCENT,
        polarity=Polarity.HIGH,
        counted=Counted.IN_PERIOD,
        numerator=return_interview_offered,
        numerator_label="Episodes with an interview offered",
        denominator=returned_from_missing,
        denominator_label="Missing episodes ended",
        source=CLA_RELEASE,
        area=AREA,
    ),
    _timely(
        "return_interviews_72h",
        "Return home interviews offered within 72 hours",
        "Of the return home interviews offered in the period, the share offered by the date "
        "the timescales engine set (72 hours from the return).",
        (RHI_NUMERATOR, RHI_DENOMINATOR),
        "Interviews offered",
        f"{LOCAL}; statutory guidance on children who run away or go missing 2014",
    ),
    _timely(
        "lac_reviews_on_time",
        "Looked after reviews on time",
        "Of the looked after reviews held in the period, the share held by the date the "
        "timescales engine set (20 working days from becoming looked after, 3 months "
        "after the first review, then every 6 months).",
        (REVIEW_NUMERATOR, REVIEW_DENOMINATOR),
        "Reviews held",
        f"{LOCAL}; Care Planning, Placement and Case Review (England) Regulations 2010",
    ),
    _timely(
        "lac_visits_on_time",
        "Looked after visits on time",
        "Of the statutory visits to looked after children made in the period, the share "
        "made by the date the timescales engine set (within a week of a placement, every 6 "
        "weeks in its first year, then every 3 months, or 6 in long-term fostering).",
        (VISIT_NUMERATOR, VISIT_DENOMINATOR),
        "Visits made",
        f"{LOCAL}; Care Planning, Placement and Case Review (England) Regulations 2010",
    ),
    _timely(
        "initial_health_assessments_on_time",
        "Initial health assessments on time",
        "Of the initial health assessments done in the period, the share done by the date "
        "the timescales engine set (20 working days from becoming looked after).",
        (IHA_NUMERATOR, IHA_DENOMINATOR),
        "Initial health assessments",
        f"{LOCAL}; Promoting the health and wellbeing of looked-after children 2015",
    ),
    _timely(
        "initial_health_assessments_28wd",
        "Initial health assessments within 28 working days",
        "Of the initial health assessments done in the period, the share done by the date "
        "the timescales engine set under the local rule (28 working days from becoming "
        "looked after, a key performance indicator of Milton Keynes's 2015/16 plan).",
        (IHA_LOCAL_NUMERATOR, IHA_LOCAL_DENOMINATOR),
        "Initial health assessments",
        f"{LOCAL}; Milton Keynes Council, Children and Families Plan 2015/16",
    ),
]
