from django.db.models.functions import Coalesce

from kinfolio.care_leavers.models import (
    CareLeaverContact,
    CareLeaverStatus,
    HealthHistoryGiven,
    PathwayPlan,
    PathwayPlanReview,
    StayingPut,
)
from kinfolio.chronology.events import Lines


def _adviser(plan: PathwayPlan) -> str:
    adviser = plan.personal_adviser.full_name if plan.personal_adviser else "no personal adviser"
    return f"Personal adviser: {adviser}"


KIND = "Care leaver"

LINES = [
    Lines(
        KIND,
        CareLeaverStatus,
        "start_date",
        lambda s: s.get_eligibility_display(),
        significant=True,
        reads=("eligibility",),
    ),
    Lines(
        KIND,
        PathwayPlan,
        "start_date",
        "Pathway plan agreed",
        _adviser,
        reads=("personal_adviser__given_name", "personal_adviser__family_name"),
    ),
    Lines(KIND, PathwayPlanReview, "review_date", "Pathway plan reviewed", child="plan__child"),
    Lines(
        KIND,
        CareLeaverContact,
        Coalesce("contact_date", "birthday"),
        lambda c: c.get_in_touch_display(),
        lambda c: f"{c.get_activity_display()}; {c.get_accommodation_display()}",
        reads=("in_touch", "activity", "accommodation"),
    ),
    Lines(
        KIND,
        StayingPut,
        "start_date",
        "Staying put began",
        lambda s: str(s.foster_household) if s.foster_household else "",
        significant=True,
        reads=("foster_household__reference", "foster_household__carers"),
    ),
    Lines(KIND, StayingPut, "end_date", "Staying put ended"),
    Lines("Health", HealthHistoryGiven, "given_on", "Given a copy of their health history"),
]
