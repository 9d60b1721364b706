"""Query helpers shared by the selectors."""

from django.db.models import F, Func, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


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
