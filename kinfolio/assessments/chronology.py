from collections.abc import Iterator

from kinfolio.assessments.models import Assessment
from kinfolio.chronology.events import ChronologyEvent
from kinfolio.people.models import Person


def events(child: Person) -> Iterator[ChronologyEvent]:
    for assessment in Assessment.objects.filter(child=child):
        source = f"assessments.assessment:{assessment.pk}"
        yield ChronologyEvent(
            assessment.start_date, "Assessment", "Assessment started", source=source
        )
        if assessment.authorised_date:
            yield ChronologyEvent(
                assessment.authorised_date,
                "Assessment",
                "Assessment authorised",
                "Outcome: " + ", ".join(assessment.outcomes),
                significant=True,
                source=source,
            )
