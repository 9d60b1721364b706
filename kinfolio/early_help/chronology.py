from collections.abc import Iterator

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.early_help.models import EarlyHelpEpisode, EarlyHelpReview
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for episode in EarlyHelpEpisode.objects.filter(child=child).select_related("team"):
        source = f"early_help.earlyhelpepisode:{episode.pk}"
        start = (
            "Early help started (step-down)"
            if episode.stepped_down_from_id
            else "Early help started"
        )
        yield ChronologyEvent(
            episode.start_date,
            "Early help",
            start,
            f"Team: {episode.team}",
            significant=True,
            source=source,
        )
        if episode.assessment_date:
            yield ChronologyEvent(
                episode.assessment_date, "Early help", "Early help assessment", source=source
            )
        if episode.end_date:
            yield ChronologyEvent(
                episode.end_date,
                "Early help",
                f"Early help ended: {episode.get_closure_reason_display()}",
                significant=True,
                source=source,
            )
    for review in EarlyHelpReview.objects.filter(episode__child=child):
        yield ChronologyEvent(
            review.review_date,
            "Early help",
            "Early help review",
            review.summary,
            source=f"early_help.earlyhelpreview:{review.pk}",
        )
