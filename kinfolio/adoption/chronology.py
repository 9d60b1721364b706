from collections.abc import Iterator

from kinfolio.adoption.models import AdoptionPlan, PreviousPermanence
from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for a in AdoptionPlan.objects.filter(child=child).select_related("adopters"):
        source = f"adoption.adoptionplan:{a.pk}"
        adopters = str(a.adopters) if a.adopters else ""
        steps = (
            (a.adm_decision_date, "Decision that the child should be placed for adoption", ""),
            (a.placement_order_date, "Placement order made", ""),
            (a.matched_date, "Matched with adopters", adopters),
            (a.placed_date, "Placed for adoption", adopters),
            (a.adoption_order_date, "Adoption order made", adopters),
            (
                a.decision_reversed_date,
                "Should no longer be placed for adoption",
                a.get_reason_placed_ceased_display(),
            ),
        )
        for day, title, detail in steps:
            if day:
                yield ChronologyEvent(
                    day, "Adoption", title, detail, significant=True, source=source
                )
    for p in PreviousPermanence.objects.filter(child=child, order_date__isnull=False):
        yield ChronologyEvent(
            p.order_date,
            "Permanence",
            p.get_permanence_option_display(),
            p.get_local_authority_display(),
            significant=True,
            source=f"adoption.previouspermanence:{p.pk}",
        )
