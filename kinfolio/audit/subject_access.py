"""Everything Kinfolio holds about one person, found from the model graph (reads only).

A record is about a person when it has a foreign key to them (a child's plan, an
adult's relationship to a child, a LADO allegation about an adult), or when it belongs
to such a record (a care episode in a period of care, a review of a plan), to any depth.
New models are found without changing this module; ``EXCLUDED`` lists the few that
are not information about the person.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Model, Q

from kinfolio.people.models import Person

# Bookkeeping, not information about anyone.
EXCLUDED = frozenset({"audit.AccessLogSeal"})
MAX_DEPTH = 5


@dataclass
class RecordSet:
    """The rows of one model that are about the person."""

    model: type[Model]
    rows: dict[int, Model] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.model._meta.label

    @property
    def name(self) -> str:
        return str(self.model._meta.verbose_name_plural).capitalize()

    @property
    def file_name(self) -> str:
        return f"{self.model._meta.app_label}/{self.model._meta.model_name}.json"

    def table(self) -> tuple[list[str], list[list[str]]]:
        """Column headings and rows as a person reads them: labels for codes, names for
        linked records (already loaded with the rows: no further queries)."""
        fields = self.model._meta.concrete_fields
        headings = [str(f.verbose_name).capitalize() for f in fields]
        rows = [[_display(row, f) for f in fields] for row in self.rows.values()]
        return headings, rows


def _display(row: Model, f) -> str:
    if f.is_relation:
        value = getattr(row, f.name)
    elif f.choices:
        value = getattr(row, f"get_{f.name}_display")()
    else:
        value = getattr(row, f.attname)
    return "" if value is None else str(value)


def _links(model: type[Model], targets: Iterable[type[Model]]) -> list[str]:
    """The names of ``model``'s foreign keys and one-to-one fields to any of ``targets``."""
    targets = set(targets)
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model in targets
    ]


def _models() -> list[type[Model]]:
    return [
        m
        for m in apps.get_models()
        if not m._meta.proxy and m._meta.managed and m._meta.label not in EXCLUDED
    ]


def _fetch(model: type[Model], condition: Q) -> list[Model]:
    related = [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and (f.many_to_one or f.one_to_one)
    ]
    return list(model._base_manager.filter(condition).select_related(*related).order_by("pk"))


def records_about(person: Person) -> list[RecordSet]:
    """Every record about ``person``, by model (the person's own row first)."""
    found: dict[type[Model], RecordSet] = {Person: RecordSet(Person, {person.pk: person})}
    models = _models()
    new = {Person: {person.pk}}
    for _ in range(MAX_DEPTH):
        added: dict[type[Model], set[int]] = {}
        for model in models:
            names = _links(model, new)
            conditions = [
                Q(**{f"{name}__in": new[model._meta.get_field(name).related_model]})
                for name in names
            ]
            if not conditions:
                continue
            for row in _fetch(model, reduce(or_, conditions)):
                record_set = found.setdefault(model, RecordSet(model))
                if row.pk not in record_set.rows:
                    record_set.rows[row.pk] = row
                    added.setdefault(model, set()).add(row.pk)
        if not added:
            break
        new = added
    return sorted(found.values(), key=lambda s: (s.model is not Person, s.label))
