from datetime import date

from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce

from kinfolio.children_in_care.models import (
    CareEpisode,
    EducationPlacement,
    HealthAssessment,
    LACReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
    UASCStatus,
)
from kinfolio.children_in_care.models.periods import (
    NEW_EPISODE_SAME_DAY,
    STARTED_TO_BE_LOOKED_AFTER,
)
from kinfolio.core.invariants import overlapping

FOREVER = Value(date.max)


def _looked_after_on(day_field: str):
    """An ``Exists`` that is true when the row's child was looked after on ``day_field``."""
    return Exists(
        PeriodOfCare.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=OuterRef(day_field)),
            child=OuterRef("child"),
            start_date__lte=OuterRef(day_field),
        )
    )


def _outside_own_period(model, day_field: str):
    """Rows linked to another child's period, or dated outside their period."""
    return model.objects.filter(period__isnull=False).filter(
        ~Q(child=F("period__child"))
        | Q(**{f"{day_field}__lt": F("period__start_date")})
        | Q(**{f"{day_field}__gt": Coalesce(F("period__end_date"), FOREVER)})
    )


def periods_of_care_do_not_overlap() -> list[str]:
    return overlapping(PeriodOfCare, partition="child")


def periods_of_care_have_episodes() -> list[str]:
    empty = PeriodOfCare.objects.filter(~Exists(CareEpisode.objects.filter(period=OuterRef("pk"))))
    return [f"period of care {p.pk} has no episodes" for p in empty]


def episodes_lie_within_their_period() -> list[str]:
    wrong = CareEpisode.objects.filter(
        Q(start_date__lt=F("period__start_date"))
        | Q(period__end_date__isnull=False, end_date__isnull=True)
        | Q(end_date__gt=F("period__end_date"))
    )
    return [f"care episode {e.pk} lies outside its period of care" for e in wrong]


def episodes_do_not_overlap() -> list[str]:
    return overlapping(CareEpisode, partition="period")


def episodes_are_contiguous() -> list[str]:
    """Each episode starts the period or starts on the day the one before it ended."""
    follows = CareEpisode.objects.filter(
        period=OuterRef("period"), end_date=OuterRef("start_date")
    ).exclude(pk=OuterRef("pk"))
    gaps = CareEpisode.objects.exclude(start_date=F("period__start_date")).filter(~Exists(follows))
    return [f"care episode {e.pk} does not start where the previous episode ended" for e in gaps]


def periods_end_with_their_last_episode() -> list[str]:
    ended = PeriodOfCare.objects.filter(end_date__isnull=False).filter(
        ~Exists(CareEpisode.objects.filter(period=OuterRef("pk"), end_date=OuterRef("end_date")))
    )
    open_without_current = (
        PeriodOfCare.objects.filter(end_date__isnull=True)
        .filter(Exists(CareEpisode.objects.filter(period=OuterRef("pk"))))
        .filter(~Exists(CareEpisode.objects.filter(period=OuterRef("pk"), end_date__isnull=True)))
    )
    return [
        f"period of care {p.pk} does not end when its last episode ends"
        for p in [*ended, *open_without_current]
    ]


def episode_reasons_match_their_sequence() -> list[str]:
    """The first episode of a period is "S" and no other is; an episode followed by
    another ceases with X1, and the last one with the reason the child left care."""
    first_not_s = CareEpisode.objects.filter(start_date=F("period__start_date")).exclude(
        reason_new_episode=STARTED_TO_BE_LOOKED_AFTER
    )
    later_s = CareEpisode.objects.filter(reason_new_episode=STARTED_TO_BE_LOOKED_AFTER).exclude(
        start_date=F("period__start_date")
    )
    next_one = CareEpisode.objects.filter(
        period=OuterRef("period"), start_date=OuterRef("end_date")
    ).exclude(pk=OuterRef("pk"))
    followed_not_x1 = CareEpisode.objects.filter(Exists(next_one)).exclude(
        reason_ceased=NEW_EPISODE_SAME_DAY
    )
    last_x1 = CareEpisode.objects.filter(reason_ceased=NEW_EPISODE_SAME_DAY).filter(
        ~Exists(next_one)
    )
    return (
        [f"care episode {e.pk}: the first episode of a period must be 'S'" for e in first_not_s]
        + [f"care episode {e.pk}: only a period's first episode is 'S'" for e in later_s]
        + [
            f"care episode {e.pk}: followed by another episode but not ceased X1"
            for e in followed_not_x1
        ]
        + [f"care episode {e.pk}: ceased X1 but no episode follows" for e in last_x1]
    )


def foster_placements_lie_within_approval() -> list[str]:
    wrong = CareEpisode.objects.filter(foster_household__isnull=False).filter(
        Q(foster_household__approval_date__isnull=True)
        | Q(start_date__lt=F("foster_household__approval_date"))
        | Q(foster_household__deregistered_on__isnull=False, end_date__isnull=True)
        | Q(end_date__gt=F("foster_household__deregistered_on"))
    )
    return [
        f"care episode {e.pk}: placed with a foster household outside its approval" for e in wrong
    ]


def reviews_held_while_looked_after() -> list[str]:
    wrong = _outside_own_period(LACReview, "review_date")
    return [f"LAC review {r.pk} is not dated within its child's period of care" for r in wrong]


def peps_agreed_while_looked_after() -> list[str]:
    wrong = _outside_own_period(PersonalEducationPlan, "pep_date")
    return [f"PEP {p.pk} is not dated within its child's period of care" for p in wrong]


def health_assessments_done_while_looked_after() -> list[str]:
    wrong = HealthAssessment.objects.filter(assessment_date__isnull=False).filter(
        ~_looked_after_on("assessment_date")
    )
    return [f"health assessment {h.pk} done when the child was not looked after" for h in wrong]


def missing_episodes_fit_their_period_and_do_not_overlap() -> list[str]:
    wrong = _outside_own_period(MissingEpisode, "start_date")
    return [
        f"missing episode {m.pk} does not start within its period of care" for m in wrong
    ] + overlapping(MissingEpisode, partition="child")


def uasc_statuses_do_not_overlap() -> list[str]:
    return overlapping(UASCStatus, partition="child")


def main_school_registrations_do_not_overlap() -> list[str]:
    """As ``core.invariants.overlapping``, counting main registrations only: a dual
    registration (for example with a pupil referral unit) may overlap the main one."""
    main = EducationPlacement.objects.filter(is_main_registration=True)
    other = main.filter(
        Q(end_date__isnull=True) | Q(end_date__gt=OuterRef("start_date")),
        child=OuterRef("child"),
        start_date__lt=Coalesce(OuterRef("end_date"), FOREVER),
    ).exclude(pk=OuterRef("pk"))
    return [
        f"education placement {e.pk} overlaps another main registration"
        for e in main.filter(Exists(other))
    ]


CHECKS = [
    periods_of_care_do_not_overlap,
    periods_of_care_have_episodes,
    episodes_lie_within_their_period,
    episodes_do_not_overlap,
    episodes_are_contiguous,
    periods_end_with_their_last_episode,
    episode_reasons_match_their_sequence,
    foster_placements_lie_within_approval,
    reviews_held_while_looked_after,
    peps_agreed_while_looked_after,
    health_assessments_done_while_looked_after,
    missing_episodes_fit_their_period_and_do_not_overlap,
    uasc_statuses_do_not_overlap,
    main_school_registrations_do_not_overlap,
]
