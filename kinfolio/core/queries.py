"""Query helpers shared by the selectors."""

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import (
    BooleanField,
    CharField,
    Expression,
    F,
    Field,
    Func,
    IntegerField,
    JSONField,
    Model,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, JSONObject
from django.db.models.query import get_related_populators
from django.utils import timezone


def compiled(rows: QuerySet) -> RawSQL:
    """``rows`` (one column) as SQL compiled now, for several subqueries of one query to
    use without Django compiling it again for each."""
    sql, params = rows.query.sql_with_params()
    return RawSQL(sql, params)


class Slot(Expression):
    """A value left open in a query compiled once per process (its SQL kept, as
    ``people.selectors.child_visible_to`` keeps the scope's): each run gives it (``filled``)."""

    def __init__(self, name: str, output_field: Field) -> None:
        super().__init__(output_field=output_field)
        self.name = name

    def as_sql(self, compiler, connection):
        return "%s", [self]


def filled(params: Iterable, connection, **values) -> list:
    """The parameters of a query compiled with ``Slot``s, each slot given its value as
    the database takes it."""
    return [
        p.output_field.get_db_prep_value(values[p.name], connection) if isinstance(p, Slot) else p
        for p in params
    ]


class Prepared:
    """A query built and compiled by Django once per process (``build``, with ``Slot``s
    for what changes), then run with each request's values: its rows are models as
    Django makes them, with their ``select_related`` records and annotations. For a read
    on a page opened so often that Django's compiling it costs more than the database's
    running it (1.5-3 ms of Python each, on the child's record)."""

    def __init__(self, build: Callable[[], QuerySet]) -> None:
        self.build = build
        self._compiled: dict[str, tuple] = {}

    def __call__(self, using: str = DEFAULT_DB_ALIAS, **values) -> list[Model]:
        connection = connections[using]
        if using not in self._compiled:
            compiler = self.build().query.get_compiler(using=using)
            self._compiled[using] = (compiler, *compiler.as_sql())
        compiler, sql, params = self._compiled[using]
        with connection.cursor() as cursor:
            cursor.execute(sql, filled(params, connection, **values))
            rows = cursor.fetchall()
        # As Django's ModelIterable makes models of the rows of a compiled query.
        info, select = compiler.klass_info, compiler.select
        annotations = compiler.annotation_col_map
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        names = [column[0].target.attname for column in select[start:end]]
        related = get_related_populators(info, select, using)
        found = []
        for row in compiler.results_iter([rows]):
            record = info["model"].from_db(using, names, row[start:end])
            for populator in related:
                populator.populate(row, record)
            for name, position in annotations.items():
                setattr(record, name, row[position])
            found.append(record)
        return found


def first_as_json(rows: QuerySet) -> Subquery:
    """The first of ``rows`` (as ``first()`` orders them), every column and annotation,
    as one JSON value (``from_json`` makes it a model again): a subquery PostgreSQL plans
    on its own, where joining several records to one query makes it weigh every order of
    the joins (~5 ms for the child's record, ten times running it)."""
    columns = {f.attname: f.attname for f in rows.model._meta.concrete_fields}
    columns.update({name: name for name in rows.query.annotations})
    first = rows if rows.ordered else rows.order_by("pk")
    return Subquery(first.values(row=JSONObject(**columns))[:1], output_field=JSONField())


def from_json(model: type[Model], value: str | dict | None, using: str = "default") -> Model | None:
    """The record of ``model`` that ``first_as_json`` read (None for none), with its
    annotations as attributes."""
    if value is None:
        return None
    data = json.loads(value) if isinstance(value, str) else value
    fields = model._meta.concrete_fields
    record = model.from_db(using, [f.attname for f in fields], [_python(f, data) for f in fields])
    for name in data.keys() - {f.attname for f in fields}:
        setattr(record, name, data[name])
    return record


def _python(field: Field, data: dict):
    value = field.to_python(data[field.attname])
    if isinstance(value, datetime) and settings.USE_TZ and timezone.is_naive(value):
        return value.replace(tzinfo=UTC)  # SQLite keeps times in UTC, without the offset
    return value


def count_of(rows: QuerySet, field: str = "pk", *, distinct: bool = False) -> Coalesce:
    """How many ``rows`` there are (or distinct values of ``field``), as an annotation.

    ``rows`` is filtered on ``OuterRef``: each count is its own correlated subquery, so
    several counts on one list never multiply each other's rows as joins would.
    """
    template = "COUNT(DISTINCT %(expressions)s)" if distinct else "COUNT(%(expressions)s)"
    counted = rows.order_by().annotate(
        n=Func(F(field), function="COUNT", template=template, output_field=IntegerField())
    )
    return Coalesce(Subquery(counted.values("n")), 0)


class OneOf(Func):
    """A condition: ``field`` is one of ``ids`` (a page's children the user may see,
    found once per request). On PostgreSQL the ids go as one array parameter
    (``= ANY(%s)``): as ``IN (%s, …)`` a few hundred of them cost Django and psycopg a
    placeholder each, ~8 ms a query on the large authority. Elsewhere ``IN (…)``."""

    output_field = BooleanField()

    def __init__(self, field: str, ids: Iterable[int]) -> None:
        super().__init__(F(field))
        self.ids = list(ids)

    def as_sql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        if not self.ids:
            return "1 = 0", []
        return f"{column} IN ({', '.join(['%s'] * len(self.ids))})", [*params, *self.ids]

    def as_postgresql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"{column} = ANY(%s)", [*params, self.ids]


class JSONListHolds(Func):
    """Whether the JSON list of strings in ``field`` holds ``value``, tested by the
    database: PostgreSQL's ``?`` (a top-level element), SQLite's ``json_each``."""

    output_field = BooleanField()

    def __init__(self, field: str, value: str):
        super().__init__(F(field), Value(value))

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" ? ")

    def as_sqlite(self, compiler, connection, **extra):
        (field, field_params), (value, value_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        sql = f"EXISTS (SELECT 1 FROM json_each({field}) WHERE json_each.value = {value})"
        return sql, (*field_params, *value_params)


class CodePointOrder(Func):
    """Text sorted as Python sorts strings (by code point), whatever the database's
    collation: PostgreSQL's "C" collation; SQLite's default (BINARY) already is."""

    output_field = CharField()
    template = "%(expressions)s"

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template='(%(expressions)s) COLLATE "C"')
