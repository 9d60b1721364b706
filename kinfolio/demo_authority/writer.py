"""Collects generated rows and writes them with ``bulk_create``, parents first.

Rows refer to each other as unsaved model instances; Django fills in each foreign
key from its parent's primary key when the child rows are written, so the generator
can build a whole history in memory and write it model by model.
"""

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable

from django.db import models

BATCH_SIZE = 2_000


class RowWriter:
    def __init__(self) -> None:
        self._rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)

    def add(self, row: models.Model) -> models.Model:
        self._rows[type(row)].append(row)
        return row

    def all_rows(self) -> list[models.Model]:
        return [row for rows in self._rows.values() for row in rows]

    def rows_of(self, model: type[models.Model]) -> list[models.Model]:
        return self._rows.get(model, [])

    def discard(self, model: type[models.Model], rows: list[models.Model]) -> None:
        dropped = {id(row) for row in rows}
        self._rows[model] = [row for row in self._rows[model] if id(row) not in dropped]

    def count(self, model: type[models.Model]) -> int:
        return len(self._rows.get(model, ()))

    def fingerprint(self) -> str:
        """A digest of every row's own values, in the order they were made: two runs
        with the same seed and census date must give the same one."""
        digest = hashlib.sha256()
        for model in sorted(self._rows, key=lambda m: m._meta.label):
            fields = [f for f in model._meta.concrete_fields if not f.is_relation]
            for row in self._rows[model]:
                digest.update(repr([getattr(row, f.attname) for f in fields]).encode())
        return digest.hexdigest()

    def counts(self) -> dict[str, int]:
        return {m._meta.label: len(rows) for m, rows in self._rows.items()}

    def write(self, progress: Callable[[str], None]) -> dict[str, int]:
        written: dict[str, int] = defaultdict(int)
        while self._rows:
            model, rows = self._next_batch()
            started = time.perf_counter()
            model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
            written[model._meta.label] += len(rows)
            progress(
                f"  wrote {len(rows):>9,} {model._meta.verbose_name_plural} "
                f"in {time.perf_counter() - started:.1f}s"
            )
        return dict(written)

    def _next_batch(self) -> tuple[type[models.Model], list[models.Model]]:
        """The rows of one model whose parents are all written. Where two models point
        at each other (a plan and its review conferences), this takes each side's rows
        in turn as their own parents are written."""
        for model in sorted(self._rows, key=lambda m: m._meta.label):
            links = [
                f
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model is not model
            ]
            ready, waiting = [], []
            for row in self._rows[model]:
                parents = (getattr(row, f.name) for f in links)
                (ready if all(p is None or p.pk is not None for p in parents) else waiting).append(
                    row
                )
            if ready:
                if waiting:
                    self._rows[model] = waiting
                else:
                    del self._rows[model]
                return model, ready
        raise RuntimeError(f"Circular foreign keys among {sorted(map(str, self._rows))}")
