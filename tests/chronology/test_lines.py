"""Lines read in one query are worded as the records word themselves: related names,
choices, a local day from a moment, and a link back to the record."""

import datetime as dt

import pytest

from kinfolio.chronology.selectors import Chronology, chronology_for
from kinfolio.workforce.models import CaseDirection, SupervisionDecision, SupervisionSession
from tests.factories import CaseNoteFactory, ChildFactory, D, DocumentFactory, WorkerFactory
from tests.factories_care import MissingEpisodeFactory

pytestmark = pytest.mark.django_db


def test_lines_are_worded_from_the_records_they_link_to():
    child = ChildFactory(date_of_birth=D(2015, 1, 1))
    worker = WorkerFactory(given_name="Sam", family_name="Reed")
    manager = WorkerFactory(given_name="Ada", family_name="Lowe")
    session = SupervisionSession.objects.create(
        worker=worker, supervisor=manager, held_on=D(2025, 3, 4)
    )
    decision = SupervisionDecision.objects.create(
        session=session, child=child, decision="Hold a meeting", actions="Invite school"
    )
    direction = CaseDirection.objects.create(
        child=child,
        given_by=manager,
        given_on=D(2025, 3, 5),
        direction="Visit weekly.",
        review_by=D(2025, 4, 1),
    )
    # 23:30 UTC on 30 June is 00:30 on 1 July in London: the note's day is the local one.
    note = CaseNoteFactory(
        child=child, author=worker, written_at=dt.datetime(2025, 6, 30, 23, 30, tzinfo=dt.UTC)
    )
    MissingEpisodeFactory(
        child=child,
        start_date=D(2025, 5, 1),
        end_date=D(2025, 5, 2),
        return_interview_due_date=D(2025, 5, 5),
    )
    DocumentFactory(child=child)

    lines = {(e.date, e.title): e for e in chronology_for(child)}

    made = lines[(D(2025, 3, 4), "Supervision decision (Ada Lowe with Sam Reed)")]
    assert (made.kind, made.detail) == (
        "Management oversight",
        "Hold a meeting Actions: Invite school",
    )
    assert made.source == f"workforce.supervisiondecision:{decision.pk}"
    given = lines[(D(2025, 3, 5), "Case direction by Ada Lowe")]
    assert given.detail == "Visit weekly. Review by 1 April 2025."
    assert given.source == f"workforce.casedirection:{direction.pk}"
    written = lines[(D(2025, 7, 1), "Case note")]
    assert (written.detail, written.source) == ("By Sam Reed", f"casework.casenote:{note.pk}")
    assert lines[(D(2025, 5, 1), "Missing from care")].significant
    assert (D(2025, 5, 2), "Returned") in lines
    assert any(title.startswith("Document added: ") for _, title in lines)
    born = lines[(D(2015, 1, 1), "Born")]
    assert (born.significant, born.source) == (True, "")


def test_kinds_filter_count_and_page_in_the_database():
    child = ChildFactory(date_of_birth=D(2015, 1, 1))
    worker = WorkerFactory()
    for day in range(30):
        CaseNoteFactory(
            child=child, author=worker, written_at=dt.datetime(2025, 1, 1 + day, 12, tzinfo=dt.UTC)
        )

    everything = Chronology(child)
    notes = Chronology(child, ["Case note"])

    assert everything.kinds == ["Case note", "Personal"]
    assert (len(everything), len(notes)) == (31, 30)
    assert [e.date for e in notes[25:30]] == [D(2025, 1, day) for day in (5, 4, 3, 2, 1)]
    assert notes[0:1][0].date == D(2025, 1, 30)
    assert [e.title for e in Chronology(child, ["Born"])[:]] == []
