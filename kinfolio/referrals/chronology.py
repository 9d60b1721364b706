from collections.abc import Iterator

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person
from kinfolio.referrals.models import CINEpisode, CINPlan, CINPlanReview


def events(child: Person) -> Iterator[ChronologyEvent]:
    for episode in CINEpisode.objects.filter(child=child).select_related("team"):
        source = f"referrals.cinepisode:{episode.pk}"
        title = "Referral (no further action)" if episode.nfa else "Referral"
        yield ChronologyEvent(
            episode.referral_date,
            "Referral",
            title,
            f"Source: {episode.get_referral_source_display()}",
            significant=True,
            source=source,
        )
        if episode.close_date:
            yield ChronologyEvent(
                episode.close_date,
                "Referral",
                f"Child in need episode closed: {episode.get_close_reason_display()}",
                significant=True,
                source=source,
            )
    for plan in CINPlan.objects.filter(child=child):
        source = f"referrals.cinplan:{plan.pk}"
        yield ChronologyEvent(
            plan.start_date,
            "Child in need plan",
            "Child in need plan started",
            significant=True,
            source=source,
        )
        if plan.end_date:
            yield ChronologyEvent(
                plan.end_date,
                "Child in need plan",
                "Child in need plan ended",
                significant=True,
                source=source,
            )
    for review in CINPlanReview.objects.filter(plan__child=child):
        yield ChronologyEvent(
            review.review_date,
            "Child in need plan",
            "Child in need plan review",
            review.notes,
            source=f"referrals.cinplanreview:{review.pk}",
        )
