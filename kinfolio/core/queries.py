"""Query helpers shared by the selectors."""

from collections.abc import Iterable

from django.db.models import (
    BooleanField,
    CharField,
    F,
    Func,
    IntegerField,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce


def compiled(rows: QuerySet) -> RawSQL:
    """``rows`` (one column) as SQL compiled now, for several subqueries of one query to
    use without Django compiling it again for each."""
    sql, params = rows.query.sql_with_params()
    return RawSQL(sql, params)


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
