"""``page_counted_alongside`` gives the page Django's paginator gives, for any page
number, in one query where it is in range."""

import pytest
from django.core.paginator import Paginator

from kinfolio.core.paging import page_counted_alongside
from kinfolio.people.models import Person
from tests.factories import ChildFactory


@pytest.mark.parametrize("rows", [0, 1, 5])
@pytest.mark.parametrize("number", [1, 2, 3, 99, 0, -1, "2", "x", None])
def test_a_page_counted_alongside_is_the_paginators_page(db, rows, number):
    for _ in range(rows):
        ChildFactory()
    people = Person.objects.order_by("pk")
    expected = Paginator(people, 2).get_page(number)
    page = page_counted_alongside(people, 2, number)
    assert list(page.object_list) == list(expected.object_list)
    assert (page.number, page.paginator.count, page.paginator.num_pages) == (
        expected.number,
        expected.paginator.count,
        expected.paginator.num_pages,
    )


def test_a_page_in_range_is_read_in_one_query(db, django_assert_num_queries):
    for _ in range(5):
        ChildFactory()
    with django_assert_num_queries(1):
        page = page_counted_alongside(Person.objects.order_by("pk"), 2, 2)
        assert (len(page.object_list), page.paginator.count) == (2, 5)
