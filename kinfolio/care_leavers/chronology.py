from collections.abc import Iterator

from kinfolio.care_leavers.models import (
    CareLeaverContact,
    CareLeaverStatus,
    HealthHistoryGiven,
    PathwayPlan,
    PathwayPlanReview,
    StayingPut,
)
from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for s in CareLeaverStatus.objects.filter(child=child):
        yield ChronologyEvent(
            s.start_date,
            "Care leaver",
            s.get_eligibility_display(),
            significant=True,
            source=f"care_leavers.careleaverstatus:{s.pk}",
        )
    for p in PathwayPlan.objects.filter(child=child).select_related("personal_adviser"):
        adviser = p.personal_adviser.full_name if p.personal_adviser else "no personal adviser"
        yield ChronologyEvent(
            p.start_date,
            "Care leaver",
            "Pathway plan agreed",
            f"Personal adviser: {adviser}",
            source=f"care_leavers.pathwayplan:{p.pk}",
        )
    for r in PathwayPlanReview.objects.filter(plan__child=child, review_date__isnull=False):
        yield ChronologyEvent(
            r.review_date,
            "Care leaver",
            "Pathway plan reviewed",
            source=f"care_leavers.pathwayplanreview:{r.pk}",
        )
    for c in CareLeaverContact.objects.filter(child=child):
        yield ChronologyEvent(
            c.contact_date or c.birthday,
            "Care leaver",
            c.get_in_touch_display(),
            f"{c.get_activity_display()}; {c.get_accommodation_display()}",
            source=f"care_leavers.careleavercontact:{c.pk}",
        )
    for sp in StayingPut.objects.filter(child=child).select_related("foster_household"):
        source = f"care_leavers.stayingput:{sp.pk}"
        with_whom = str(sp.foster_household) if sp.foster_household else ""
        yield ChronologyEvent(
            sp.start_date,
            "Care leaver",
            "Staying put began",
            with_whom,
            significant=True,
            source=source,
        )
        if sp.end_date:
            yield ChronologyEvent(sp.end_date, "Care leaver", "Staying put ended", source=source)
    for h in HealthHistoryGiven.objects.filter(child=child):
        yield ChronologyEvent(
            h.given_on,
            "Health",
            "Given a copy of their health history",
            source=f"care_leavers.healthhistorygiven:{h.pk}",
        )
