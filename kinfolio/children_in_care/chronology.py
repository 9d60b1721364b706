from django.db.models import Exists, OuterRef, Q

from kinfolio.children_in_care.models import (
    CareEpisode,
    DentalCheck,
    EducationPlacement,
    HealthAssessment,
    Immunisations,
    LACReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
    SDQScore,
    UASCStatus,
    VirtualSchoolContact,
)
from kinfolio.children_in_care.models.periods import LEGAL_STATUS_CHANGES, PLACEMENT_CHANGES
from kinfolio.chronology.events import Lines


def _placement(episode: CareEpisode) -> str:
    where = episode.foster_household or episode.provider
    return f"{episode.get_placement_type_display()}" + (f" ({where})" if where else "")


def _changes(e: CareEpisode) -> list[tuple[str, str]]:
    """What a later episode of a period changed: (what, to what)."""
    return [
        (label, detail)
        for label, detail, yes in (
            (
                "Legal status changed",
                e.get_legal_status_display(),
                e.reason_new_episode in LEGAL_STATUS_CHANGES,
            ),
            ("Placement moved", _placement(e), e.reason_new_episode in PLACEMENT_CHANGES),
        )
        if yes
    ]


def _another(*, earlier: bool) -> Q:
    """Another episode of the same period starts before (or after) this one."""
    than = "lt" if earlier else "gt"
    return Q(
        Exists(
            CareEpisode.objects.filter(
                Q(**{f"start_date__{than}": OuterRef("start_date")})
                | Q(start_date=OuterRef("start_date"), **{f"pk__{than}": OuterRef("pk")}),
                period=OuterRef("period"),
            )
        )
    )


PLACED = (
    "placement_type",
    "foster_household__reference",
    "foster_household__carers",
    "provider__name",
)
IN_CARE = "Looked after"

LINES = [
    # A period of care begins and ends with its first and last episodes.
    Lines(
        IN_CARE,
        CareEpisode,
        "period__start_date",
        "Became looked after",
        lambda e: f"{e.get_legal_status_display()}; {_placement(e)}",
        significant=True,
        reads=("legal_status", *PLACED),
        child="period__child",
        where=~_another(earlier=True),
        links="period",
    ),
    Lines(
        IN_CARE,
        PeriodOfCare,
        "start_date",
        "Became looked after",
        significant=True,
        where=Q(episodes__isnull=True),
    ),
    Lines(
        IN_CARE,
        CareEpisode,
        "period__end_date",
        "Ceased to be looked after",
        lambda e: e.get_reason_ceased_display(),
        significant=True,
        reads=("reason_ceased",),
        child="period__child",
        where=~_another(earlier=False),
        links="period",
    ),
    Lines(
        IN_CARE,
        PeriodOfCare,
        "end_date",
        "Ceased to be looked after",
        significant=True,
        where=Q(episodes__isnull=True),
    ),
    Lines(
        "Placement",
        CareEpisode,
        "start_date",
        lambda e: " and ".join(label for label, _ in _changes(e)),
        lambda e: "; ".join(detail for _, detail in _changes(e)),
        significant=True,
        reads=("reason_new_episode", "legal_status", *PLACED),
        child="period__child",
        where=_another(earlier=True)
        & Q(reason_new_episode__in={*LEGAL_STATUS_CHANGES, *PLACEMENT_CHANGES}),
    ),
    Lines(
        "Review",
        LACReview,
        "review_date",
        "Looked after review held",
        lambda r: r.get_participation_display(),
        reads=("participation",),
    ),
    Lines(
        "Health",
        HealthAssessment,
        "assessment_date",
        lambda h: h.get_kind_display(),
        reads=("kind",),
    ),
    Lines("Health", DentalCheck, "check_date", "Dental check"),
    Lines(
        "Health",
        Immunisations,
        "checked_on",
        "Immunisations checked",
        lambda i: "Up to date" if i.up_to_date else "Not up to date",
        reads=("up_to_date",),
    ),
    Lines(
        "Health",
        SDQScore,
        "completed_date",
        "Strengths and difficulties questionnaire",
        lambda s: (
            f"Score {s.score}" if s.score is not None else s.get_reason_not_completed_display()
        ),
        reads=("score", "reason_not_completed"),
    ),
    Lines(
        "Education",
        EducationPlacement,
        "start_date",
        lambda e: f"Started at {e.school}",
        reads=("school__name",),
    ),
    Lines(
        "Education",
        EducationPlacement,
        "end_date",
        lambda e: f"Left {e.school}",
        reads=("school__name",),
    ),
    Lines("Education", PersonalEducationPlan, "pep_date", "Personal education plan agreed"),
    Lines(
        "Education",
        VirtualSchoolContact,
        "contact_date",
        lambda v: f"Virtual school contact with {v.contact_name} ({v.get_role_display().lower()})",
        lambda v: f"{v.purpose} Outcome: {v.outcome}",
        reads=("contact_name", "role", "purpose", "outcome"),
    ),
    Lines(
        "Missing",
        MissingEpisode,
        "start_date",
        lambda m: m.get_missing_type_display().split(":")[0],
        significant=True,
        reads=("missing_type",),
    ),
    Lines("Missing", MissingEpisode, "end_date", "Returned"),
    Lines(
        "Missing",
        MissingEpisode,
        "return_interview_offered_on",
        "Return home interview offered",
        lambda m: {True: "Accepted", False: "Declined"}.get(m.return_interview_accepted, ""),
        reads=("return_interview_accepted",),
    ),
    Lines(IN_CARE, UASCStatus, "start_date", "Unaccompanied asylum-seeking child"),
    Lines(IN_CARE, UASCStatus, "end_date", "UASC status ceased"),
]
