"""A child's chronology, assembled from every record about them.

Each domain app says where its lines come from in ``<app>/chronology.py`` as ``LINES``,
a list of ``chronology.events.Lines``; this module lists those explicitly so a newcomer
can see every source in one place. All of them are read in one query (a UNION ALL of
the same columns from each), ordered and paginated in the database.
"""

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import F, Model, QuerySet, Value
from django.db.models.functions import JSONObject
from django.utils.module_loading import import_string

from kinfolio.chronology.events import ChronologyEvent, Lines
from kinfolio.people.models import Person

PROVIDERS = [
    "kinfolio.people.chronology.LINES",
    "kinfolio.workforce.chronology.LINES",
    "kinfolio.front_door.chronology.LINES",
    "kinfolio.early_help.chronology.LINES",
    "kinfolio.referrals.chronology.LINES",
    "kinfolio.assessments.chronology.LINES",
    "kinfolio.protection.chronology.LINES",
    "kinfolio.children_in_care.chronology.LINES",
    "kinfolio.care_leavers.chronology.LINES",
    "kinfolio.adoption.chronology.LINES",
    "kinfolio.fostering.chronology.LINES",
    "kinfolio.casework.chronology.LINES",
    "kinfolio.lado.chronology.LINES",
    "kinfolio.chronology.manual.LINES",
]


@cache
def every_line() -> tuple[Lines, ...]:
    return tuple(lines for path in PROVIDERS for lines in import_string(path))


def _rows(index: int, lines: Lines, *, worded: bool) -> QuerySet:
    """Every child's rows of one ``Lines`` in the columns every ``Lines`` shares: only
    those that count them unless ``worded`` (those that word and link them too)."""
    day = F(lines.on) if isinstance(lines.on, str) else lines.on
    columns = {"line_child": F(lines.child), "line_on": F("line_day"), "line_of": Value(index)}
    if worded:
        columns |= {
            "line_kind": Value(lines.kind),
            "line_ref": F(lines.links or "pk"),
            "line_read": JSONObject(pk=F("pk"), **{path: F(path) for path in lines.reads}),
        }
    rows = lines.model.objects.filter(lines.where).alias(line_day=day)
    return rows.filter(line_day__isnull=False).values(**columns).order_by()


@cache
def _sql(lines: Lines, index: int, using: str, *, worded: bool) -> tuple[str, tuple]:
    """One ``Lines``' SQL for every child, built once per process: the queries read it
    for one child (the database reads only that child's rows), so no request builds or
    compiles the ~70 parts again."""
    sql, params = _rows(index, lines, worded=worded).using(using).query.sql_with_params()
    return sql, tuple(params)


class Chronology:
    """The child's chronology (of some kinds only, if given), read a slice at a time.

    ``len`` and ``kinds`` come from one query counting each ``Lines``; a slice is one
    query of its rows only, newest first, from the ``Lines`` the child has (what
    ``Paginator`` asks for). ``lines`` are every app's unless given (an app's tests read
    its own).
    """

    def __init__(
        self, child: Person, kinds: Iterable[str] = (), lines: Iterable[Lines] | None = None
    ):
        self.child, self.selected = child, set(kinds)
        self.lines = every_line() if lines is None else tuple(lines)
        self._counts: dict[int, int] | None = None

    def _read(self, indexes, select: str, *, worded: bool, rest: str, params=()) -> list[tuple]:
        """``SELECT select FROM`` the union of the ``Lines`` at ``indexes`` for the child."""
        using = router.db_for_read(Person)
        parts = [_sql(self.lines[i], i, using, worded=worded) for i in indexes]
        union = " UNION ALL ".join(sql for sql, _ in parts)
        with connections[using].cursor() as cursor:
            cursor.execute(
                f"SELECT {select} FROM ({union}) AS e WHERE e.line_child = %s {rest}",
                [*(p for _, part in parts for p in part), self.child.pk, *params],
            )
            return cursor.fetchall()

    def _counted(self) -> dict[int, int]:
        """How many lines each of ``lines`` (by index) gives the child, if any."""
        if self._counts is None:
            every = range(len(self.lines))
            rows = self._read(every, "line_of, COUNT(*)", worded=False, rest="GROUP BY line_of")
            self._counts = dict(rows)
        return self._counts

    def _shown(self) -> dict[int, int]:
        counts = self._counted()
        return {
            i: n
            for i, n in counts.items()
            if not self.selected or self.lines[i].kind in self.selected
        }

    @property
    def kinds(self) -> list[str]:
        """The kinds of line the child's chronology holds (whatever is selected)."""
        return sorted({self.lines[i].kind for i in self._counted()})

    def __len__(self) -> int:
        return sum(self._shown().values())

    def __getitem__(self, index: slice) -> list[ChronologyEvent]:
        shown = sorted(self._shown())
        if not shown:
            return []
        rest, params = "ORDER BY line_on DESC, line_kind DESC, line_of, line_ref", []
        if index.stop is not None:
            start = index.start or 0
            rest += " LIMIT %s OFFSET %s"
            params = [index.stop - start, start]
        select = "line_on, line_of, line_ref, line_read"
        rows = self._read(shown, select, worded=True, rest=rest, params=params)
        return [_event(self.lines[of], on, ref, read) for on, of, ref, read in rows]


def _instance(model: type[Model], values: dict[str, Any]) -> Model:
    """An unsaved ``model`` holding ``values`` (``a__b`` paths fill related instances)."""
    own, related = {}, defaultdict(dict)
    for path, value in values.items():
        name, _, rest = path.partition("__")
        if rest:
            related[name][rest] = value
        else:
            field = model._meta.get_field(name)
            own[field.attname] = field.to_python(value)
    instance = model(**own)
    for name, held in related.items():
        other = model._meta.get_field(name).related_model
        found = any(value is not None for value in held.values())
        setattr(instance, name, _instance(other, held) if found else None)
    return instance


def _source(lines: Lines, ref: int) -> str:
    if lines.links is None:
        return ""
    model = lines.model
    for name in lines.links.split("__"):
        if name != "pk":
            model = model._meta.get_field(name).related_model
    return f"{model._meta.label_lower}:{ref}"


def _word(wording, instance: Model):
    return wording(instance) if callable(wording) else wording


def _event(lines: Lines, on: date | str, ref: int, read: dict | str) -> ChronologyEvent:
    """A row of the union as a line (a raw cursor's row: SQLite gives text for the day
    and the JSON)."""
    read = json.loads(read) if isinstance(read, str) else read
    pk = read.pop("pk")
    instance = _instance(lines.model, read)
    instance.pk = pk
    return ChronologyEvent(
        date.fromisoformat(on) if isinstance(on, str) else on,
        lines.kind,
        _word(lines.title, instance),
        _word(lines.detail, instance),
        significant=_word(lines.significant, instance),
        source=_source(lines, ref),
    )


def chronology_for(
    child: Person, *, kinds: Iterable[str] | None = None, lines: Iterable[Lines] | None = None
) -> list[ChronologyEvent]:
    """Every event about a child (of ``lines``, every app's unless given), newest first,
    optionally only of some kinds."""
    return Chronology(child, kinds or (), lines)[:]
