import pytest
from django.urls import reverse

from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services import changes, record_event, snapshot
from kinfolio.workforce.models import Allocation
from tests.factories import ChildFactory, TeamFactory
from tests.factories_accounts import staff

pytestmark = pytest.mark.django_db


def test_changes_lists_only_the_fields_that_differ():
    child = ChildFactory(ethnicity="WBRI", first_language="English")
    before = snapshot(child)
    child.first_language = "Polish"
    child.ethnicity = "WIRI"
    found = changes(before, child)
    assert [(c.field, c.old, c.new) for c in found] == [
        ("ethnicity", "WBRI: White British", "WIRI: White Irish"),
        ("first_language", "English", "Polish"),
    ]
    assert found[1].label == "First language"


def test_changes_from_nothing_lists_every_set_field():
    child = ChildFactory.build(first_language="")
    fields = {c.field for c in changes(None, child)}
    assert {"family_name", "date_of_birth", "local_id"} <= fields
    assert "first_language" not in fields
    assert "created_at" not in fields


def test_changes_between_dicts():
    assert changes({"a": 1}, {"a": 1}) == []
    assert changes({"a": 1}, {"a": 2})[0].new == "2"


def test_record_event_writes_one_row_per_field():
    user = staff()
    child = ChildFactory(first_language="English")
    before = snapshot(child)
    child.first_language = "Polish"
    child.save()
    rows = record_event(by=user, instance=child, child=child, changes=changes(before, child))
    assert len(rows) == 1
    event = ChangeEvent.objects.get()
    assert (event.user, event.model, event.object_id) == (user, "people.person", str(child.pk))
    assert (event.old_value, event.new_value) == ("English", "Polish")


def test_child_record_shows_the_change_history(client):
    team = TeamFactory()
    user = staff(team=team)
    child = ChildFactory(first_language="English")
    Allocation.objects.create(child=child, role="social_worker", team=team, start_date="2024-01-01")
    before = snapshot(child)
    child.first_language = "Tigrinya"
    record_event(by=user, instance=child, child=child, changes=changes(before, child))
    client.force_login(user)
    page = client.get(reverse("people:child-history", args=[child.local_id])).content.decode()
    assert "Change history" in page
    assert "Tigrinya" in page
