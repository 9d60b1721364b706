"""Query helpers: ``OneOf`` finds the same rows as ``__in`` (one array parameter on
PostgreSQL, ``IN`` elsewhere), and none for no ids; a record read as JSON with another
(``first_as_json``, ``from_json``) is the record, the first in the rows' order."""

import pytest
from django.db.models import Exists, OuterRef

from kinfolio.core.queries import OneOf, first_as_json, from_json
from kinfolio.people.models import Person
from kinfolio.protection.models import ChildProtectionConference, Section47Enquiry
from tests.factories import ChildFactory, D, Section47EnquiryFactory


@pytest.mark.parametrize("chosen", [[], [0], [0, 2]])
def test_one_of_finds_the_rows_with_those_ids(db, chosen):
    children = [ChildFactory() for _ in range(3)]
    ids = [children[i].pk for i in chosen]
    found = Person.objects.filter(OneOf("pk", ids)).values_list("pk", flat=True)
    assert sorted(found) == sorted(ids)


def test_a_record_read_as_json_with_the_child_is_the_record(db):
    enquiry = Section47EnquiryFactory(start_date=D(2025, 3, 3))
    later = Section47EnquiryFactory(
        child=enquiry.child, cin_episode=enquiry.cin_episode, start_date=D(2025, 4, 7)
    )
    none = ChildFactory()
    rows = Section47Enquiry.objects.filter(child=OuterRef("pk")).annotate(
        conferenced=Exists(ChildProtectionConference.objects.filter(section47=OuterRef("pk")))
    )
    read = Person.objects.filter(pk__in=[enquiry.child_id, none.pk]).order_by("pk")
    read = read.annotate(enquiry=first_as_json(rows))
    found = [from_json(Section47Enquiry, child.enquiry) for child in read]
    assert found == [later, None]  # the latest first, in the model's order
    fields = [f.attname for f in Section47Enquiry._meta.concrete_fields]
    assert [getattr(found[0], f) for f in fields] == [getattr(later, f) for f in fields]
    assert found[0].conferenced is False or found[0].conferenced == 0
    assert found[0].created_at.tzinfo is not None
