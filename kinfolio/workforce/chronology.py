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
