"""Writes of collected indicators' values: one at a time from the form, or a whole CSV
file at once (all of it or, when any row is wrong, none of it)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from kinfolio.audit.models import ChangeEvent
from kinfolio.audit.services.history import changes, record_event, snapshot
from kinfolio.core.versions import guard_version
from kinfolio.performance.indicators import collected
from kinfolio.performance.indicators.base import Unit
from kinfolio.performance.models import CollectedFigure

SOURCE_LENGTH = CollectedFigure._meta.get_field("source").max_length
CSV_COLUMNS = ("indicator", "period", "value", "source")
ERRORS_SHOWN = 20


@dataclass(frozen=True)
class Entry:
    """A value checked against its indicator's rules, ready to write."""

    indicator: collected.CollectedIndicator
    period: str
    value: Decimal
    source: str


def checked(*, indicator_id: str, period: str, value, source: str) -> Entry:
    """The value as it will be stored, or a ValidationError keyed by field."""
    errors: dict[str, str] = {}
    try:
        indicator = collected.get(indicator_id)
    except KeyError:
        message = f"There is no collected indicator {indicator_id!r}"
        raise ValidationError({"indicator": message}) from None
    try:
        key = collected.period_of(indicator, str(period)).key
    except ValueError as error:
        errors["period"], key = str(error), ""
    try:
        number = Decimal(str(value).strip().replace(",", ""))
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        errors["value"], number = "Value must be a number", Decimal(0)
    else:
        if number < 0:
            errors["value"] = "Value must be 0 or more"
        elif indicator.whole_numbers and number != number.to_integral_value():
            errors["value"] = "Value must be a whole number"
        elif indicator.unit == Unit.PERCENT and number > 100:
            errors["value"] = "Value must be 100 or less"
        elif number >= 10**10 or number != number.quantize(Decimal("0.01")):
            errors["value"] = "Value must have no more than 2 decimal places"
    source = (source or "").strip()
    if not source:
        errors["source"] = "Enter where the value comes from"
    elif len(source) > SOURCE_LENGTH:
        errors["source"] = f"Source must be {SOURCE_LENGTH} characters or fewer"
    if errors:
        raise ValidationError(errors)
    # As the database gives it back, so the change history compares like with like.
    return Entry(indicator, key, number.quantize(Decimal("0.01")), source)


def _write(entry: Entry, *, by, opened_version: int | None = None) -> CollectedFigure:
    """Create or change the period's value with its history (inside a transaction)."""
    found = (
        CollectedFigure.objects.select_for_update()
        .filter(indicator_id=entry.indicator.id, period=entry.period)
        .first()
    )
    if found is None:
        found = CollectedFigure.objects.create(
            indicator_id=entry.indicator.id,
            period=entry.period,
            value=entry.value,
            source=entry.source,
            entered_by=by,
        )
        record_event(
            by=by,
            instance=found,
            changes=changes(None, _shown(entry, found)),
            kind=ChangeEvent.Kind.CREATED,
        )
        return found
    before = _shown(entry, found)
    guard_version(instance=found, opened_version=opened_version)
    found.value, found.source, found.entered_by = entry.value, entry.source, by
    found.save()
    record_event(by=by, instance=found, changes=changes(before, _shown(entry, found)))
    return found


def _shown(entry: Entry, figure: CollectedFigure) -> dict:
    """The figure as its change history shows it: the indicator by name, the value in
    its unit."""
    shown = snapshot(figure)
    del shown["indicator_id"]
    return {
        **shown,
        "indicator": entry.indicator.name,
        "value": entry.indicator.display(figure.value),
    }


def record_collected_value(
    *, indicator_id: str, period: str, value, source: str, by, opened_version: int | None = None
) -> CollectedFigure:
    """Enter a collected indicator's value for a period, or change it: a change names
    the version the user opened (``opened_version``), so no one's change is lost
    unseen; entering a period that already has a value, without opening it, is refused."""
    entry = checked(indicator_id=indicator_id, period=period, value=value, source=source)
    with transaction.atomic():
        exists = CollectedFigure.objects.filter(
            indicator_id=entry.indicator.id, period=entry.period
        ).exists()
        if exists and opened_version is None:
            raise ValidationError(
                {
                    "period": f"A value for {entry.period} is already recorded: "
                    "choose Change next to it to correct it"
                }
            )
        return _write(entry, by=by, opened_version=opened_version)


def import_collected_values(*, file, by) -> list[CollectedFigure]:
    """Import a CSV file with the columns indicator, period, value and source: every
    row, or none when any row is wrong (the errors name the row). A row for a period
    already recorded replaces its value; the change history keeps the old one."""
    rows = _read_csv(file)
    entries, problems, seen = [], [], {}
    for number, row in rows:
        try:
            entry = checked(
                indicator_id=(row.get("indicator") or "").strip(),
                period=(row.get("period") or "").strip(),
                value=row.get("value") or "",
                source=row.get("source") or "",
            )
        except ValidationError as error:
            problems += [f"Row {number}: {m}" for m in error.messages]
            continue
        twin = seen.setdefault((entry.indicator.id, entry.period), number)
        if twin != number:
            problems.append(
                f"Row {number}: {entry.indicator.id} for {entry.period} is also on row {twin}"
            )
        entries.append(entry)
    if problems:
        more = len(problems) - ERRORS_SHOWN
        shown = problems[:ERRORS_SHOWN] + ([f"And {more} more problems"] if more > 0 else [])
        raise ValidationError({"file": shown})
    with transaction.atomic():
        return [_write(entry, by=by) for entry in entries]


def _read_csv(file) -> list[tuple[int, dict[str, str]]]:
    """The data rows, numbered as a spreadsheet shows them (the header is row 1)."""
    name = getattr(file, "name", "") or ""
    if not name.lower().endswith(".csv"):
        raise ValidationError({"file": "The selected file must be a CSV"})
    try:
        text = file.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"file": "The selected file must be a CSV saved as UTF-8"}) from None
    if not text.strip():
        raise ValidationError({"file": "The selected file is empty"})
    reader = csv.DictReader(io.StringIO(text))
    header = [column.strip().lower() for column in reader.fieldnames or []]
    missing = [column for column in CSV_COLUMNS if column not in header]
    if missing:
        raise ValidationError(
            {"file": f"The selected file must have the columns {', '.join(CSV_COLUMNS)}"}
        )
    reader.fieldnames = header
    rows = [
        (number, row)
        for number, row in enumerate(reader, start=2)
        if any((row.get(column) or "").strip() for column in CSV_COLUMNS)
    ]
    if not rows:
        raise ValidationError({"file": "The selected file has no values below its header"})
    return rows
