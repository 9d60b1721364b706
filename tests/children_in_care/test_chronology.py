import pytest

from kinfolio.children_in_care.chronology import LINES
from kinfolio.chronology.selectors import chronology_for
from tests.children_in_care.test_invariants import looked_after_history
from tests.factories_care import D

pytestmark = pytest.mark.django_db


def test_events_tell_the_story_of_a_period_of_care():
    period = looked_after_history()
    looked_after_history()  # another child, whose events must not appear
    found = {(e.date, e.title): e for e in chronology_for(period.child, lines=LINES)}
    assert found[(D(2020, 1, 1), "Became looked after")].significant
    assert found[(D(2020, 3, 1), "Placement moved")].significant
    assert found[(D(2020, 6, 1), "Ceased to be looked after")].detail.startswith("Returned home")
    assert (D(2020, 1, 28), "Looked after review held") in found
    assert (D(2020, 1, 20), "Personal education plan agreed") in found
    assert (D(2020, 5, 1), "Missing from care") in found
    assert len([e for e in found.values() if e.title == "Became looked after"]) == 1


def test_events_are_read_in_two_queries(django_assert_num_queries):
    period = looked_after_history()
    with django_assert_num_queries(2):  # which records the child has, then their lines
        assert chronology_for(period.child, lines=LINES)
