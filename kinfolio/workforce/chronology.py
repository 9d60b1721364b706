from collections.abc import Iterator

from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for allocation in child.allocations.select_related("worker", "team"):
        who = allocation.worker.full_name if allocation.worker else "no named worker"
        yield ChronologyEvent(
            allocation.start_date,
            "Allocation",
            f"{allocation.get_role_display()}: {who}",
            f"Team: {allocation.team}",
            source=f"workforce.allocation:{allocation.pk}",
        )
    for decision in child.supervision_decisions.select_related(
        "session__worker", "session__supervisor"
    ):
        session = decision.session
        actions = f" Actions: {decision.actions}" if decision.actions else ""
        yield ChronologyEvent(
            session.held_on,
            "Management oversight",
            f"Supervision decision ({session.supervisor} with {session.worker})",
            f"{decision.decision}{actions}",
            source=f"workforce.supervisiondecision:{decision.pk}",
        )
    for direction in child.case_directions.select_related("given_by"):
        review = f" Review by {direction.review_by:%-d %B %Y}." if direction.review_by else ""
        yield ChronologyEvent(
            direction.given_on,
            "Management oversight",
            f"Case direction by {direction.given_by}",
            f"{direction.direction}{review}",
            source=f"workforce.casedirection:{direction.pk}",
        )
