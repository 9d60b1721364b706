"""Reading long lists a page at a time.

``ReadInPages``: a long list that a page reads one slice of (Django's ``Paginator``
slices it), so only the rows shown are read: placement search's places, the
pseudonymised caseload. ``page_counted_alongside``: one page of a query with the count
of all its rows, in one query."""

from abc import abstractmethod
from collections.abc import Sequence

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window


class ReadInPages(Sequence):
    """Subclasses give ``__len__`` (counted by the database) and ``_read(start, stop)``
    (the rows of one slice, in order); an index reads one row."""

    @abstractmethod
    def _read(self, start: int, stop: int) -> list: ...

    def __iter__(self):
        return iter(self[: len(self)])

    def __getitem__(self, index):
        if isinstance(index, int):
            found = self[index:][:1] if index < 0 else self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        if index.step not in (None, 1):
            raise ValueError("This list is read in pages, without steps.")
        start, stop, _ = index.indices(len(self))
        return self._read(start, stop) if start < stop else []


class CountedPaginator(Paginator):
    """A paginator told its count (by a query the page makes anyway)."""

    def __init__(self, rows, per_page: int, *, count: int):
        super().__init__(rows, per_page)
        self.known_count = count

    @property
    def count(self) -> int:
        return self.known_count


def page_counted_alongside(rows: QuerySet, per_page: int, number) -> Page:
    """Page ``number`` of ``rows``, as ``Paginator.get_page`` gives it, read in one query
    with how many rows there are in all: the count is a window over every row, which
    the database computes before the page's LIMIT, where a paginator asks a query more.
    A number past the last page (rare: an old link) is read as a paginator reads it."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        number = 1
    if number >= 1:
        start = (number - 1) * per_page
        found = list(rows.annotate(rows_in_all=Window(Count("pk")))[start : start + per_page])
        if found or number == 1:
            count = found[0].rows_in_all if found else 0
            return Page(found, number, CountedPaginator(rows, per_page, count=count))
    return Paginator(rows, per_page).get_page(number)
