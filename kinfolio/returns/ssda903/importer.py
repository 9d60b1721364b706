"""Import an SSDA903 return into Kinfolio: children, periods of care and episodes,
reviews, UASC, missing episodes, previous permanence and social worker episodes.

All or nothing, in one transaction: the files are streamed, checked and staged
(``reading``: what refuses an import and what does not is explained there); any
structural problem refuses the whole import. The records are then written a batch of
children at a time, matching what is already there so that importing the same files
twice changes nothing; memory stays the same whatever the files' size. Children are
matched by LA child ID, then by UPN and date of birth; a UPN match with a different
date of birth is not trusted: it is listed for review and the child's rows left.

A record that breaks one of Kinfolio's own rules (an episode with a reason it ceased
but no end date, say) cannot be held: it is left, and listed in the summary with its
file and row. The DfE's validator would report it too, had it been kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from kinfolio.adoption.models import PreviousPermanence
from kinfolio.audit.services.history import record_import
from kinfolio.children_in_care.models import (
    CareEpisode,
    LACReview,
    MissingEpisode,
    PeriodOfCare,
    UASCStatus,
)
from kinfolio.people.models import Person, Relationship
from kinfolio.returns.importing import (
    Failed,
    ImportRefused,
    Problem,
    Summary,
    create_all,
    new_import_id,
    refresh_imported,
    save_each,
)
from kinfolio.returns.models import StagedRow
from kinfolio.returns.ssda903.reading import dated, stage_folder
from kinfolio.workforce.models import Allocation, Worker

STARTED = "S"
SAME_PERIOD = "X1"
IMPORTED_NAME = "Not given in the return"
NO_VOICE = "Not in the SSDA903 return the review was imported from."
BATCH = 500  # rows written at once (below SQLite's 999 bound parameters)
# What the return holds that Kinfolio does not keep: listed in every import's summary.
NOT_KEPT = [
    "OC2 (outcomes: health, SDQ, convictions, substance misuse)",
    "OC3 (care leavers at 17 to 21)",
    "AD1 and PlacedAdoption (adoption decisions: their adopters are not in the return)",
    "DoLo (deprivation of liberty orders)",
    "SWEpisodes rows whose SW_ID is not a Kinfolio worker (listed to review)",
]


class _DryRun(Exception):
    pass


def import_ssda903(folder: Path, *, dry_run: bool = False, by=None) -> Summary:
    """Import the tables; after it the change history of every child in the Header
    says so and their deadline clocks are stored (``by`` is the user importing it)."""
    summary = Summary(left=list(NOT_KEPT))
    import_id = new_import_id()
    try:
        with transaction.atomic():
            found, problems = stage_folder(folder, import_id)
            if problems:
                raise ImportRefused(problems.all(str(folder)))
            source = f"the SSDA903 return in {folder.name}"
            writer = _Writer(import_id, summary)
            writer.children(by=by, source=None if dry_run else source)
            for table, write in (
                ("Episodes", writer.episodes),
                ("Reviews", writer.reviews),
                ("UASC", writer.uasc),
                ("Missing", writer.missing),
                ("PrevPerm", writer.previous_permanence),
                ("SWEpisodes", writer.social_workers),
            ):
                if table in found:
                    writer.each_batch(table, write)
            StagedRow.objects.filter(import_id=import_id).delete()
            if dry_run:
                raise _DryRun
            refresh_imported(import_id)
    except _DryRun:
        pass
    except (IntegrityError, ValidationError) as error:
        # A rule of Kinfolio's records that a batch breaks and no single record does
        # (two rows of one child that clash): nothing is written.
        raise ImportRefused(
            [Problem(str(folder), "", "", "", f"The records break a rule: {error}")]
        ) from error
    return summary


def _period_on(periods: list[PeriodOfCare], day):
    return next(
        (p for p in periods if p.start_date <= day and (p.end_date is None or day <= p.end_date)),
        None,
    )


class _Writer:
    """Writes the staged rows a batch of children at a time."""

    def __init__(self, import_id: str, summary: Summary) -> None:
        self.import_id, self.summary = import_id, summary
        self.staged = StagedRow.objects.filter(import_id=import_id)

    def count(self, kind: str, made: bool, n: int = 1) -> None:
        (self.summary.created if made else self.summary.matched)[kind] += n

    # -- batches --------------------------------------------------------------------

    def _batches(self, table: str) -> Iterator[list[tuple]]:
        """The table's rows (child, file, line, values), a child's rows always in one
        batch, in date order."""
        batch: list[tuple] = []
        rows = (
            self.staged.filter(table=table)
            .order_by("child", "day", "line")
            .values_list("child", "file", "line", "values")
        )
        for row in rows.iterator(chunk_size=BATCH):
            if len(batch) >= BATCH and row[0] != batch[-1][0]:
                yield batch
                batch = []
            batch.append(row)
        if batch:
            yield batch

    def each_batch(self, table: str, write: Callable[[list[dict], dict], None]) -> None:
        for batch in self._batches(table):
            children = {row[0] for row in batch}
            # Who each child is in Kinfolio: the child of that LA child ID, or the one
            # its UPN matched (kept on its Header row).
            people = dict(
                Person.objects.filter(local_id__in=children).values_list("local_id", "pk")
            )
            people.update(
                self.staged.filter(
                    table="Header", child__in=children, person__isnull=False
                ).values_list("child", "person")
            )
            rows = [
                {**dated(values), "_where": f"{file} row {line}", "_pk": people[child]}
                for child, file, line, values in batch
                if child in people
            ]
            write(rows, people)

    def _bulk(self, model: type[models.Model], records: list[models.Model], kind: str) -> None:
        """Create the records at once; those that break a rule are left and listed."""
        self.count(kind, True, create_all(model, records, failed=self._left(kind)))

    def _left(self, kind: str) -> Failed:
        def left(record: models.Model, error: Exception) -> None:
            self.summary.leave(
                f"{record._where}: one of the {kind} breaks a rule of Kinfolio's records "
                f"({error}); not imported"
            )

        return left

    # -- Header ---------------------------------------------------------------------

    def children(self, *, by, source: str | None) -> None:
        """Match or create the Header's children; unless ``source`` is None (a dry
        run), write to each one's change history that it was imported from there."""
        header = self.staged.filter(table="Header").order_by("line")
        batch: list[StagedRow] = []
        for row in header.iterator(chunk_size=BATCH):
            batch.append(row)
            if len(batch) == BATCH:
                self._children(batch, by, source)
                batch = []
        if batch:
            self._children(batch, by, source)

    def _children(self, batch: list[StagedRow], by, source: str | None) -> None:
        rows = {row.child: dated(row.values) for row in batch}
        known = {p.local_id: p for p in Person.objects.filter(local_id__in=rows)}
        upns = [r["UPN"] for r in rows.values() if r["UPN"] and not r["UPN"].startswith("UN")]
        by_upn = {p.upn: p for p in Person.objects.filter(upn__in=upns).exclude(local_id__in=rows)}
        new: list[Person] = []
        for child_id, row in rows.items():
            person = known.get(child_id)
            if person is None and row["UPN"] in by_upn:
                candidate = by_upn[row["UPN"]]
                if candidate.date_of_birth != row["DOB"]:
                    self.summary.note_review(
                        f"{child_id}: UPN {row['UPN']} is {candidate.local_id}'s, whose date "
                        "of birth differs; left for a person to check"
                    )
                    continue
                person = candidate
            if person is not None:
                known[child_id] = person
                self.count("children", False)
                continue
            new.append(
                Person(
                    local_id=child_id,
                    family_name=IMPORTED_NAME,
                    sex={"1": "M", "2": "F"}.get(row["SEX"], row["SEX"]),
                    date_of_birth=row["DOB"],
                    ethnicity=row["ETHNIC"],
                    upn=row["UPN"] if not row["UPN"].startswith("UN") else "",
                    upn_unknown_reason=row["UPN"] if row["UPN"].startswith("UN") else "",
                    is_child_subject=True,
                )
            )
        Person.objects.bulk_create(new)
        self.count("children", True, len(new))
        known.update((person.local_id, person) for person in new)
        matched_by_upn = []
        for row in batch:
            row.person = known.get(row.child)
            if row.person is not None and row.person.local_id != row.child:
                matched_by_upn.append(row)
        StagedRow.objects.bulk_update(matched_by_upn, ["person"])
        mothers = [
            (known[child_id], row["MC_DOB"])
            for child_id, row in rows.items()
            if row.get("MOTHER") == "1" and row.get("MC_DOB") and child_id in known
        ]
        for mother, born in mothers:
            self._first_child(mother, born)
        if source is not None:
            record_import(
                by=by,
                import_id=self.import_id,
                child_ids=[row.person.pk for row in batch if row.person is not None],
                source=source,
            )

    def _first_child(self, mother: Person, born) -> None:
        """A girl who is a mother (MOTHER 1): her first child, born on MC_DOB, is recorded
        as a person with her as mother, unless she already has a child recorded."""
        if Relationship.objects.filter(person=mother, relationship_type="mother").exists():
            self.count("mothers' children", False)
            return
        baby = Person.objects.create(
            local_id=f"{mother.local_id}-C1"[-20:],
            family_name=IMPORTED_NAME,
            sex="U",
            date_of_birth=born,
        )
        Relationship.objects.create(person=mother, other=baby, relationship_type="mother")
        self.count("mothers' children", True)

    # -- Episodes -------------------------------------------------------------------

    def episodes(self, rows: list[dict], people: dict[str, int]) -> None:
        pks = set(people.values())
        periods: dict[tuple, PeriodOfCare] = {
            (p.child_id, p.start_date): p for p in PeriodOfCare.objects.filter(child_id__in=pks)
        }
        # Which period each row belongs to: an episode starting a period (RNE "S"), or a
        # child's first row in the return, starts one; the others continue it.
        start_of: list = []
        current: dict[int, object] = {}
        ends: dict[tuple, object] = {}
        for row in rows:
            child = row["_pk"]
            if row["RNE"] == STARTED or child not in current:
                current[child] = row["DECOM"]
            start_of.append((child, current[child]))
            if row["DEC"] and row["REC"] != SAME_PERIOD:
                ends[(child, current[child])] = row["DEC"]
        new_periods, ended = [], []
        for row, key in zip(rows, start_of, strict=True):
            if key in periods:
                continue
            periods[key] = PeriodOfCare(child_id=key[0], start_date=key[1], end_date=ends.get(key))
            periods[key]._where = row["_where"]
            new_periods.append(periods[key])
        self.count("periods of care", False, len(set(start_of)) - len(new_periods))
        for key, day in ends.items():
            if periods[key].pk is not None and periods[key].end_date != day:
                periods[key].end_date = day
                periods[key]._where = f"the period of care from {key[1]:%d/%m/%Y}"
                ended.append(periods[key])
        self._save_each(ended, ["end_date"], "periods of care")
        self._bulk(PeriodOfCare, new_periods, "periods of care")
        known = {
            (e.period_id, e.start_date): e
            for e in CareEpisode.objects.filter(period__child_id__in=pks)
        }
        new, changed = [], []
        for row, key in zip(rows, start_of, strict=True):
            period = periods[key]
            if period.pk is None:
                self.summary.leave(f"{row['_where']}: episode left with its period of care")
                continue
            fields = _episode_fields(row)
            episode = known.get((period.pk, row["DECOM"]))
            if episode is None:
                episode = CareEpisode(period=period, start_date=row["DECOM"], **fields)
                episode._where = row["_where"]
                new.append(episode)
                continue
            self.count("episodes", False)
            if not row["DEC"] and episode.end_date is not None:
                # The return was made while the episode was open and it has ended
                # since (a return describes its year as it stood on 31 March).
                for name in ("end_date", "reason_ceased", "reason_place_change"):
                    del fields[name]
            if any(getattr(episode, name) != value for name, value in fields.items()):
                for name, value in fields.items():
                    setattr(episode, name, value)
                episode._where = row["_where"]
                changed.append(episode)
        self._save_each(changed, None, "episodes")
        self._bulk(CareEpisode, new, "episodes")
        self._drop_empty(new_periods, new)

    def _drop_empty(self, periods: list[PeriodOfCare], episodes: list[CareEpisode]) -> None:
        """A period of care is kept only with an episode in it: one whose every episode
        was left goes too, or the child would be looked after with no episode."""
        held = {episode.period_id for episode in episodes if episode.pk is not None}
        empty = [period for period in periods if period.pk is not None and period.pk not in held]
        if not empty:
            return
        PeriodOfCare.objects.filter(pk__in=[period.pk for period in empty]).delete()
        self.count("periods of care", True, -len(empty))
        for period in empty:
            period.pk = None
            self.summary.leave(f"{period._where}: period of care left with all its episodes")

    def _save_each(self, records: list, fields: list[str] | None, kind: str) -> None:
        """Changed records, one savepoint each (few: a re-import after a change)."""
        save_each(records, failed=self._left(kind), update_fields=fields)

    # -- the other tables -----------------------------------------------------------

    def reviews(self, rows: list[dict], people: dict[str, int]) -> None:
        pks = set(people.values())
        periods = _periods_by_child(pks)
        held = set(
            LACReview.objects.filter(child_id__in=pks).values_list("child_id", "review_date")
        )
        new = []
        for row in rows:
            if (row["_pk"], row["REVIEW"]) in held:
                self.count("reviews", False)
                continue
            period = _period_on(periods[row["_pk"]], row["REVIEW"])
            if period is None:
                self.summary.leave(f"{row['_where']}: review left, outside any period of care")
                continue
            held.add((row["_pk"], row["REVIEW"]))
            review = LACReview(
                child_id=row["_pk"],
                period=period,
                review_date=row["REVIEW"],
                due_date=row["REVIEW"],
                participation=row["REVIEW_CODE"],
                childs_views_not_recorded_code="other",
                childs_views_not_recorded_reason=NO_VOICE,
            )
            review._where = row["_where"]
            new.append(review)
        self._bulk(LACReview, new, "reviews")

    def uasc(self, rows: list[dict], people: dict[str, int]) -> None:
        pks = set(people.values())
        held = {(u.child_id, u.start_date) for u in UASCStatus.objects.filter(child_id__in=pks)}
        born = dict(Person.objects.filter(pk__in=pks).values_list("pk", "date_of_birth"))
        new = []
        for row in rows:
            start = born[row["_pk"]]
            if (row["_pk"], start) in held:
                self.count("UASC statuses", False)
                continue
            status = UASCStatus(child_id=row["_pk"], start_date=start, end_date=row["DUC"] or None)
            status._where = row["_where"]
            held.add((row["_pk"], start))
            new.append(status)
        self._bulk(UASCStatus, new, "UASC statuses")

    def missing(self, rows: list[dict], people: dict[str, int]) -> None:
        pks = set(people.values())
        periods = _periods_by_child(pks)
        held = set(
            MissingEpisode.objects.filter(child_id__in=pks).values_list("child_id", "start_date")
        )
        new = []
        for row in rows:
            if (row["_pk"], row["MIS_START"]) in held:
                self.count("missing episodes", False)
                continue
            held.add((row["_pk"], row["MIS_START"]))
            episode = MissingEpisode(
                child_id=row["_pk"],
                start_date=row["MIS_START"],
                missing_type=row["MISSING"],
                end_date=row["MIS_END"] or None,
                period=_period_on(periods[row["_pk"]], row["MIS_START"]),
            )
            episode._where = row["_where"]
            new.append(episode)
        self._bulk(MissingEpisode, new, "missing episodes")

    def previous_permanence(self, rows: list[dict], people: dict[str, int]) -> None:
        pks = set(people.values())
        held = set(
            PreviousPermanence.objects.filter(child_id__in=pks).values_list(
                "child_id", "permanence_option", "order_date"
            )
        )
        new = []
        for row in rows:
            key = (row["_pk"], row["PREV_PERM"], row["DATE_PERM"] or None)
            if key in held:
                self.count("previous permanence", False)
                continue
            held.add(key)
            previous = PreviousPermanence(
                child_id=row["_pk"],
                permanence_option=key[1],
                order_date=key[2],
                local_authority=row["LA_PERM"] or "",
            )
            previous._where = row["_where"]
            new.append(previous)
        self._bulk(PreviousPermanence, new, "previous permanence")

    def social_workers(self, rows: list[dict], people: dict[str, int]) -> None:
        """A social worker episode needs the worker in Kinfolio (SW_ID "SW" + worker
        number, as Kinfolio writes it); another ID is left and listed."""
        numbers = {
            r["SW_ID"][2:] for r in rows if r["SW_ID"].startswith("SW") and r["SW_ID"][2:].isdigit()
        }
        workers = {w.pk: w for w in Worker.objects.filter(pk__in=numbers)}
        held = set(
            Allocation.objects.filter(
                child_id__in=set(people.values()), role="social_worker"
            ).values_list("child_id", "worker_id", "start_date")
        )
        new = []
        for row in rows:
            number = row["SW_ID"][2:]
            worker = workers.get(int(number)) if number.isdigit() else None
            if worker is None:
                self.summary.note_review(
                    f"{row['_where']}: social worker {row['SW_ID']} "
                    "is not a Kinfolio worker; episode left"
                )
                continue
            key = (row["_pk"], worker.pk, row["SW_DECOM"])
            if key in held:
                self.count("social worker episodes", False)
                continue
            held.add(key)
            allocation = Allocation(
                child_id=row["_pk"],
                role="social_worker",
                worker=worker,
                team_id=worker.team_id,
                start_date=row["SW_DECOM"],
                end_date=row["SW_DEC"] or None,
                change_reason=row["SW_REASON"],
            )
            allocation._where = row["_where"]
            new.append(allocation)
        self._bulk(Allocation, new, "social worker episodes")


def _periods_by_child(pks) -> dict[int, list[PeriodOfCare]]:
    periods: dict[int, list[PeriodOfCare]] = defaultdict(list)
    for period in PeriodOfCare.objects.filter(child_id__in=pks):
        periods[period.child_id].append(period)
    return periods


def _episode_fields(row: dict) -> dict:
    return {
        "end_date": row["DEC"] or None,
        "legal_status": row["LS"],
        "category_of_need": row["CIN"],
        "reason_new_episode": row["RNE"],
        "placement_type": row["PLACE"],
        "placement_provider": row["PLACE_PROVIDER"],
        "reason_ceased": row["REC"],
        "reason_place_change": row["REASON_PLACE_CHANGE"],
        "home_postcode": row["HOME_POST"],
        "placement_postcode": row["PL_POST"],
        "urn": row["URN"],
    }
