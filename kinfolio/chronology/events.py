"""The shape of one line in a child's chronology, and how each app says where its lines
come from."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Expression, Model, Q


@dataclass(frozen=True, slots=True)
class ChronologyEvent:
    """Something that happened in a child's life or in the work with them.

    ``kind`` groups events for filtering ("Referral", "Assessment", "Placement"...);
    ``source`` names the record it came from so the line links back to it.
    """

    date: date
    kind: str
    title: str
    detail: str = ""
    significant: bool = False
    source: str = ""


Wording = str | Callable[[Any], str]


@dataclass(frozen=True)
class Lines:
    """One kind of line: each of the child's rows of ``model`` with a day ``on`` makes one.

    The chronology reads every ``Lines`` of every app in one query (a UNION ALL), newest
    first, a page at a time. ``title`` and ``detail`` are text, or functions given an
    unsaved ``model`` instance that holds the fields named in ``reads`` (paths such as
    ``worker__family_name`` fill the related instance), so ``get_..._display`` and
    ``__str__`` word the line as they word the record elsewhere.
    """

    kind: str
    model: type[Model]
    on: str | Expression  # the day of the line: a field path or a date expression
    title: Wording
    detail: Wording = ""
    significant: bool | Callable[[Any], bool] = False
    reads: tuple[str, ...] = ()
    child: str = "child"  # the path from ``model`` to the child
    where: Q = Q()
    links: str | None = "pk"  # the path to the record the line links back to
