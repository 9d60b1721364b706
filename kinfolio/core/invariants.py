"""Rules about the whole history that single-row database constraints cannot express.

Each domain app lists its checks in ``<app>/invariants.py`` as ``CHECKS``: functions
that take no arguments, query the whole database, and return a list of violations
(human-readable strings naming the record). Model ``clean()`` and services stop a user
breaking these rules; this runner proves that generated or imported data obeys them.
"""

from collections.abc import Callable

from django.utils.module_loading import import_string

Check = Callable[[], list[str]]

CHECK_MODULES = [
    "kinfolio.people.invariants",
    "kinfolio.workforce.invariants",
    "kinfolio.front_door.invariants",
    "kinfolio.early_help.invariants",
    "kinfolio.referrals.invariants",
    "kinfolio.assessments.invariants",
    "kinfolio.protection.invariants",
    "kinfolio.children_in_care.invariants",
    "kinfolio.care_leavers.invariants",
    "kinfolio.adoption.invariants",
    "kinfolio.fostering.invariants",
    "kinfolio.lado.invariants",
    "kinfolio.casework.invariants",
]


def all_checks() -> list[Check]:
    return [check for module in CHECK_MODULES for check in import_string(f"{module}.CHECKS")]


def violations() -> dict[str, list[str]]:
    """Every broken rule, by check name; empty when the history is consistent."""
    found = {}
    for check in all_checks():
        problems = check()
        if problems:
            found[f"{check.__module__}.{check.__name__}"] = problems
    return found


def overlapping(
    model,
    *,
    partition: str | tuple[str, ...],
    start: str = "start_date",
    end: str = "end_date",
    queryset=None,
) -> list[str]:
    """Rows of ``model`` whose periods overlap another row with the same ``partition``
    (a field, or several fields that must all match).

    Periods are half-open, [start, end): one may end on the day the next begins, as
    SSDA903 episodes do. An open period (no end) runs for ever.
    """
    from datetime import date

    from django.db.models import Exists, OuterRef, Q, Value
    from django.db.models.functions import Coalesce

    rows = queryset if queryset is not None else model.objects.all()
    forever = Value(date.max)
    fields = (partition,) if isinstance(partition, str) else partition
    other = model.objects.filter(
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": OuterRef(start)}),
        **{field: OuterRef(field) for field in fields},
        **{f"{start}__lt": Coalesce(OuterRef(end), forever)},
    ).exclude(pk=OuterRef("pk"))
    clashes = rows.filter(Exists(other)).values_list("pk", *fields)
    name = model._meta.verbose_name
    return [f"{name} {pk} overlaps another with the same {fields}: {key}" for pk, *key in clashes]
