import pytest

from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.core.versions import StaleRecord, guard_version
from tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def _save_as(assessment, user, **fields):
    """What a service does: guard, change, save, record the history."""
    before = snapshot(assessment)
    guard_version(instance=assessment, opened_version=assessment.version)
    for name, value in fields.items():
        setattr(assessment, name, value)
    record_event(by=user, instance=assessment, changes=changes(before, assessment))


def test_guard_version_steps_the_version_on(make_user):
    assessment = AssessmentFactory()
    assessment.version = 1  # Assessment is not yet Versioned: stand in for the field

    guard_version(instance=assessment, opened_version=1)

    assert assessment.version == 2


def test_guard_version_refuses_an_edit_of_an_older_version_and_says_what_changed(make_user):
    assessment = AssessmentFactory(childs_views="Likes school.")
    assessment.version = 1
    colleague = make_user(username="a.colleague")
    _save_as(assessment, colleague, childs_views="Wants to see dad.")

    with pytest.raises(StaleRecord) as refused:
        guard_version(instance=assessment, opened_version=1)

    assert "changed by a.colleague after you opened it" in refused.value.message
    [change] = refused.value.changes
    assert (change.field, change.old_value, change.new_value) == (
        "childs_views",
        "Likes school.",
        "Wants to see dad.",
    )
    assert assessment.version == 2  # refused: not stepped on


def test_guard_version_without_an_opened_version_is_a_new_write():
    assessment = AssessmentFactory()
    assessment.version = 3

    guard_version(instance=assessment, opened_version=None)

    assert assessment.version == 4
