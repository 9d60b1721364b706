"""Query helpers: ``OneOf`` finds the same rows as ``__in`` (one array parameter on
PostgreSQL, ``IN`` elsewhere), and none for no ids."""

import pytest

from kinfolio.core.queries import OneOf
from kinfolio.people.models import Person
from tests.factories import ChildFactory


@pytest.mark.parametrize("chosen", [[], [0], [0, 2]])
def test_one_of_finds_the_rows_with_those_ids(db, chosen):
    children = [ChildFactory() for _ in range(3)]
    ids = [children[i].pk for i in chosen]
    found = Person.objects.filter(OneOf("pk", ids)).values_list("pk", flat=True)
    assert sorted(found) == sorted(ids)
