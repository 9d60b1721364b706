"""The two types every code set is built from: a `Code` and a `CodeSet`.

A code is the value the DfE asks for in a statutory return (the CIN census or the
SSDA903 return) and the value Kinfolio stores in its database. The label is for people
and may be reworded without a migration; the code may not.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Code:
    """One value of a code set.

    ``valid_from`` and ``valid_to`` are collection years, written as the year the
    collection ends (2024 for 2023/24). ``None`` means "no known limit": a code that
    was already valid in the oldest year we took from a validator has
    ``valid_from=None``, and a code still valid in the newest has ``valid_to=None``.
    """

    code: str
    label: str
    valid_from: int | None = None
    valid_to: int | None = None

    def is_valid_in(self, collection_year: int) -> bool:
        if self.valid_from is not None and collection_year < self.valid_from:
            return False
        return self.valid_to is None or collection_year <= self.valid_to


@dataclass(frozen=True)
class CodeSet:
    """A named list of codes, with the publication it was taken from.

    ``choices`` holds every code that was ever valid, so that a record made under an
    older guide still displays and validates; use ``valid_in(year)`` to offer only
    the codes a worker may choose for a given collection year.
    """

    name: str
    source: str
    codes: tuple[Code, ...]
    _by_code: dict[str, Code] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_code: dict[str, Code] = {}
        for code in self.codes:
            if code.code in by_code:
                raise ValueError(f"{self.name}: code {code.code!r} is listed twice")
            if (
                code.valid_from is not None
                and code.valid_to is not None
                and code.valid_from > code.valid_to
            ):
                raise ValueError(f"{self.name}: code {code.code!r} ends before it starts")
            by_code[code.code] = code
        if not by_code:
            raise ValueError(f"{self.name}: a code set needs at least one code")
        object.__setattr__(self, "_by_code", by_code)

    @property
    def choices(self) -> list[tuple[str, str]]:
        """``[(code, label)]`` for Django ``choices``: every code ever valid."""
        return [(code.code, code.label) for code in self.codes]

    def label(self, code: str | None) -> str:
        """The label for ``code``; an unknown code is returned as it is, never raised."""
        if code is None:
            return ""
        found = self._by_code.get(code)
        return found.label if found is not None else code

    def get(self, code: str) -> Code | None:
        return self._by_code.get(code)

    def valid_in(self, collection_year: int) -> tuple[Code, ...]:
        """The codes a return for ``collection_year`` (e.g. 2025 for 2024/25) accepts."""
        return tuple(code for code in self.codes if code.is_valid_in(collection_year))

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self):
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def values(self) -> tuple[str, ...]:
        """The stored values alone, in order."""
        return tuple(code.code for code in self.codes)

    @property
    def max_length(self) -> int:
        """The longest code, for a ``CharField(max_length=...)``."""
        return max(len(code.code) for code in self.codes)
