from collections.abc import Iterator

from django.db.models import Prefetch

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
from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person


def _placement(episode: CareEpisode) -> str:
    where = episode.foster_household or episode.provider
    return f"{episode.get_placement_type_display()}" + (f" ({where})" if where else "")


def _care(child: Person) -> Iterator[ChronologyEvent]:
    episodes = CareEpisode.objects.select_related("foster_household", "provider")
    periods = PeriodOfCare.objects.filter(child=child).prefetch_related(
        Prefetch("episodes", queryset=episodes.order_by("start_date"))
    )
    for period in periods:
        source = f"children_in_care.periodofcare:{period.pk}"
        run = list(period.episodes.all())
        first = f"{run[0].get_legal_status_display()}; {_placement(run[0])}" if run else ""
        yield ChronologyEvent(
            period.start_date,
            "Looked after",
            "Became looked after",
            first,
            significant=True,
            source=source,
        )
        if period.end_date:
            reason = run[-1].get_reason_ceased_display() if run else ""
            yield ChronologyEvent(
                period.end_date,
                "Looked after",
                "Ceased to be looked after",
                reason,
                significant=True,
                source=source,
            )
        for e in run[1:]:
            yield from _episode_change(e)


def _episode_change(e: CareEpisode) -> Iterator[ChronologyEvent]:
    changes_status = e.reason_new_episode in LEGAL_STATUS_CHANGES
    moves = e.reason_new_episode in PLACEMENT_CHANGES
    parts = [
        (label, detail)
        for label, detail, yes in (
            ("Legal status changed", e.get_legal_status_display(), changes_status),
            ("Placement moved", _placement(e), moves),
        )
        if yes
    ]
    if parts:
        yield ChronologyEvent(
            e.start_date,
            "Placement",
            " and ".join(label for label, _ in parts),
            "; ".join(detail for _, detail in parts),
            significant=True,
            source=f"children_in_care.careepisode:{e.pk}",
        )


def _reviews_and_health(child: Person) -> Iterator[ChronologyEvent]:
    for r in LACReview.objects.filter(child=child, review_date__isnull=False):
        yield ChronologyEvent(
            r.review_date,
            "Review",
            "Looked after review held",
            r.get_participation_display(),
            source=f"children_in_care.lacreview:{r.pk}",
        )
    for h in HealthAssessment.objects.filter(child=child, assessment_date__isnull=False):
        yield ChronologyEvent(
            h.assessment_date,
            "Health",
            h.get_kind_display(),
            source=f"children_in_care.healthassessment:{h.pk}",
        )
    for d in DentalCheck.objects.filter(child=child):
        yield ChronologyEvent(
            d.check_date, "Health", "Dental check", source=f"children_in_care.dentalcheck:{d.pk}"
        )
    for i in Immunisations.objects.filter(child=child):
        yield ChronologyEvent(
            i.checked_on,
            "Health",
            "Immunisations checked",
            "Up to date" if i.up_to_date else "Not up to date",
            source=f"children_in_care.immunisations:{i.pk}",
        )
    for s in SDQScore.objects.filter(child=child):
        result = f"Score {s.score}" if s.score is not None else s.get_reason_not_completed_display()
        yield ChronologyEvent(
            s.completed_date,
            "Health",
            "Strengths and difficulties questionnaire",
            result,
            source=f"children_in_care.sdqscore:{s.pk}",
        )


def _education(child: Person) -> Iterator[ChronologyEvent]:
    for e in EducationPlacement.objects.filter(child=child).select_related("school"):
        source = f"children_in_care.educationplacement:{e.pk}"
        yield ChronologyEvent(e.start_date, "Education", f"Started at {e.school}", source=source)
        if e.end_date:
            yield ChronologyEvent(e.end_date, "Education", f"Left {e.school}", source=source)
    for p in PersonalEducationPlan.objects.filter(child=child, pep_date__isnull=False):
        yield ChronologyEvent(
            p.pep_date,
            "Education",
            "Personal education plan agreed",
            source=f"children_in_care.personaleducationplan:{p.pk}",
        )
    for v in VirtualSchoolContact.objects.filter(child=child):
        yield ChronologyEvent(
            v.contact_date,
            "Education",
            f"Virtual school contact with {v.contact_name} ({v.get_role_display().lower()})",
            f"{v.purpose} Outcome: {v.outcome}",
            source=f"children_in_care.virtualschoolcontact:{v.pk}",
        )


def _missing_and_status(child: Person) -> Iterator[ChronologyEvent]:
    for m in MissingEpisode.objects.filter(child=child):
        source = f"children_in_care.missingepisode:{m.pk}"
        what = m.get_missing_type_display().split(":")[0]
        yield ChronologyEvent(m.start_date, "Missing", what, significant=True, source=source)
        if m.end_date:
            yield ChronologyEvent(m.end_date, "Missing", "Returned", source=source)
        if m.return_interview_offered_on:
            accepted = {True: "Accepted", False: "Declined"}.get(m.return_interview_accepted, "")
            yield ChronologyEvent(
                m.return_interview_offered_on,
                "Missing",
                "Return home interview offered",
                accepted,
                source=source,
            )
    for u in UASCStatus.objects.filter(child=child):
        source = f"children_in_care.uascstatus:{u.pk}"
        yield ChronologyEvent(
            u.start_date, "Looked after", "Unaccompanied asylum-seeking child", source=source
        )
        if u.end_date:
            yield ChronologyEvent(u.end_date, "Looked after", "UASC status ceased", source=source)


def events(child: Person) -> Iterator[ChronologyEvent]:
    yield from _care(child)
    yield from _reviews_and_health(child)
    yield from _education(child)
    yield from _missing_and_status(child)
