"""The children (or records, or workers) behind a figure, as the viewer may see them.

Every row of a numerator or denominator is listed, so a list always has as many rows as
its figure counts. A child the viewer may open (``children_visible_to``, and a role
that opens records) is named and linked; any other child is shown by pseudonym, age
band and sex only; a child whose record is restricted is shown as "Restricted record"
with nothing that could identify them. Analysts therefore always get the pseudonymised
list. The number of queries does not depend on the number of rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.apps import apps
from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.audit.models import RestrictedRecord
from kinfolio.codesets import SEX
from kinfolio.people.models import Person
from kinfolio.people.selectors import children_visible_to
from kinfolio.performance.indicators.base import Row
from kinfolio.performance.indicators.engine import Figure
from kinfolio.performance.selectors import age_band, pseudonym
from kinfolio.workforce.models import Worker


class Part(StrEnum):
    NUMERATOR = "numerator"
    DENOMINATOR = "denominator"


PARTS = {part.value for part in Part}


@dataclass(frozen=True)
class ListedRow:
    """One row of a drill-down list: who (or what) and the record counted."""

    who: str
    url: str
    age: str
    sex: str
    record: str
    on: dt.date | None
    value: float
    pseudonymised: bool


def rows_of(figure: Figure, part: Part) -> list[Row]:
    return figure.numerator_rows if part == Part.NUMERATOR else figure.denominator_rows


def _record_name(record: str) -> str:
    label = record.split(":", 1)[0]
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return label
    return str(model._meta.verbose_name).capitalize()


def listed(figure: Figure, part: Part, user: User) -> list[ListedRow]:
    """Every row of the figure's numerator or denominator, shown as ``user`` may see it."""
    found = rows_of(figure, part)
    child_ids = {row.child_id for row in found if row.child_id is not None}
    people = Person.objects.in_bulk(child_ids)
    opens = set()
    if has_permission(user, Permission.VIEW_CHILD_RECORD):
        opens = set(children_visible_to(user).filter(pk__in=child_ids).values_list("pk", flat=True))
    restricted = set(
        RestrictedRecord.objects.filter(child_id__in=child_ids, lifted_on__isnull=True).values_list(
            "child_id", flat=True
        )
    )
    workers = Worker.objects.select_related("team").in_bulk(
        {row.worker_id for row in found if row.worker_id is not None}
    )
    on = figure.period.end
    result = []
    for row in found:
        record = _record_name(row.record)
        if row.worker_id is not None:
            worker = workers[row.worker_id]
            who = f"{worker.given_name} {worker.family_name} ({worker.team.name})"
            result.append(ListedRow(who, "", "", "", record, row.on, row.value, False))
            continue
        child = people[row.child_id]
        if child.pk in opens:
            url = reverse("people:child", args=[child.local_id])
            result.append(
                ListedRow(
                    child.full_name,
                    url,
                    _age(child, on),
                    _sex(child),
                    record,
                    row.on,
                    row.value,
                    False,
                )
            )
        elif child.pk in restricted:
            result.append(ListedRow("Restricted record", "", "", "", record, None, row.value, True))
        else:
            result.append(
                ListedRow(
                    pseudonym(child.pk),
                    "",
                    _age(child, on),
                    _sex(child),
                    record,
                    None,
                    row.value,
                    True,
                )
            )
    return result


def _age(child: Person, on: dt.date) -> str:
    return "Unborn" if child.is_unborn else age_band(child.date_of_birth, on)


def _sex(child: Person) -> str:
    return SEX.label(child.sex).split(" (")[0]
