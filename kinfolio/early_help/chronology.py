from kinfolio.chronology.events import Lines
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview


def _started(episode: EarlyHelpEpisode) -> str:
    return (
        "Early help started (step-down)" if episode.stepped_down_from_id else "Early help started"
    )


LINES = [
    Lines(
        "Early help",
        EarlyHelpEpisode,
        "start_date",
        _started,
        lambda e: f"Team: {e.team}",
        significant=True,
        reads=("stepped_down_from", "team__name"),
    ),
    Lines("Early help", EarlyHelpEpisode, "assessment_date", "Early help assessment"),
    Lines(
        "Early help",
        EarlyHelpEpisode,
        "end_date",
        lambda e: f"Early help ended: {e.get_closure_reason_display()}",
        significant=True,
        reads=("closure_reason",),
    ),
    Lines(
        "Early help",
        EarlyHelpReview,
        "review_date",
        "Early help review",
        lambda r: r.summary,
        reads=("summary",),
        child="episode__child",
    ),
]
