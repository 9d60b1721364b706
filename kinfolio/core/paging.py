"""A long list that a page reads one slice of (Django's ``Paginator`` slices it), so
only the rows shown are read: placement search's places, the pseudonymised caseload."""

from abc import abstractmethod
from collections.abc import Sequence


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
