from kinfolio.chronology.events import Lines
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview

LINES = [
    Lines(
        "Referral",
        CINEpisode,
        "referral_date",
        lambda e: "Referral (no further action)" if e.nfa else "Referral",
        lambda e: f"Source: {e.get_referral_source_display()}",
        significant=True,
        reads=("nfa", "referral_source"),
    ),
    Lines(
        "Referral",
        CINEpisode,
        "close_date",
        lambda e: f"Child in need episode closed: {e.get_close_reason_display()}",
        significant=True,
        reads=("close_reason",),
    ),
    Lines(
        "Child in need plan",
        CINPlan,
        "start_date",
        "Child in need plan started",
        significant=True,
    ),
    Lines("Child in need plan", CINPlan, "end_date", "Child in need plan ended", significant=True),
    Lines(
        "Child in need plan",
        CINPlanReview,
        "review_date",
        "Child in need plan review",
        lambda r: r.notes,
        reads=("notes",),
        child="plan__child",
    ),
]
