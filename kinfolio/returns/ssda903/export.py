"""Write the SSDA903 return for a collection year from the records, as CSV tables.

Children are read in chunks (``CHUNK`` at a time) and every table's rows for a chunk
come from one query per table, so memory and the number of queries stay bounded
whatever the authority's size. A record that goes on past the year's end is written as
it stood on 31 March (an episode still open then has no DEC or REC).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

from django.db.models import Exists, OuterRef, Q

from kinfolio.adoption.models import AdoptionPlan, PreviousPermanence
from kinfolio.care_leavers.models import CareLeaverContact
from kinfolio.children_in_care.models import (
    CareEpisode,
    LACReview,
    MissingEpisode,
    PeriodOfCare,
    UASCStatus,
)
from kinfolio.people.models import Person
from kinfolio.returns.ssda903.tables import Table, fmt, tables_for
from kinfolio.returns.years import CollectionYear
from kinfolio.workforce.sw_episodes import social_worker_episodes

# Children per chunk: below SQLite's 999 bound parameters.
CHUNK = 500
Row = dict[str, str]


def overlapping(start: str, end: str, year: CollectionYear) -> Q:
    return Q(**{f"{start}__lte": year.end}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": year.start})
    )


def looked_after_child_ids(year: CollectionYear) -> list[int]:
    """Every child looked after at any time in the year, in LA child ID order."""
    ids = (
        PeriodOfCare.objects.filter(overlapping("start_date", "end_date", year))
        .values_list("child_id", flat=True)
        .distinct()
    )
    return list(Person.objects.filter(pk__in=ids).order_by("local_id").values_list("pk", flat=True))


def chunks(ids: list[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def sex_code(sex: str, year: CollectionYear) -> str:
    """M/F/U from 2024/25; the numeric codes 1/2 before."""
    if year.end_year >= 2025:
        return {"1": "M", "2": "F"}.get(sex, sex)
    return {"M": "1", "F": "2"}.get(sex, sex)


class Chunk:
    """The rows of every table for one chunk of children."""

    def __init__(self, year: CollectionYear, ids: list[int]) -> None:
        self.year = year
        self.ids = ids
        self.people = {
            row["pk"]: row
            for row in Person.objects.filter(pk__in=ids).values(
                "pk", "local_id", "sex", "date_of_birth", "ethnicity", "upn", "upn_unknown_reason"
            )
        }

    def child(self, child_id: int) -> Row:
        person = self.people[child_id]
        return {"CHILD": person["local_id"], "DOB": fmt(person["date_of_birth"])}

    def header(self) -> Iterable[Row]:
        from kinfolio.returns.ssda903.header import header_rows

        return header_rows(self)

    def episodes(self) -> Iterable[Row]:
        year = self.year
        rows = (
            CareEpisode.objects.filter(period__child_id__in=self.ids)
            .filter(overlapping("start_date", "end_date", year))
            .order_by("period__child__local_id", "start_date")
            .values(
                "period__child_id",
                "start_date",
                "end_date",
                "reason_new_episode",
                "legal_status",
                "category_of_need",
                "placement_type",
                "placement_provider",
                "reason_ceased",
                "reason_place_change",
                "home_postcode",
                "placement_postcode",
                "urn",
            )
        )
        for episode in rows:
            ended = episode["end_date"] is not None and episode["end_date"] <= year.end
            yield {
                "CHILD": self.people[episode["period__child_id"]]["local_id"],
                "DECOM": fmt(episode["start_date"]),
                "RNE": episode["reason_new_episode"],
                "LS": episode["legal_status"],
                "CIN": episode["category_of_need"],
                "PLACE": episode["placement_type"],
                "PLACE_PROVIDER": episode["placement_provider"],
                "DEC": fmt(episode["end_date"]) if ended else "",
                "REC": episode["reason_ceased"] if ended else "",
                "REASON_PLACE_CHANGE": episode["reason_place_change"] if ended else "",
                "HOME_POST": episode["home_postcode"],
                "PL_POST": episode["placement_postcode"],
                "URN": episode["urn"],
            }

    def reviews(self) -> Iterable[Row]:
        rows = (
            LACReview.objects.filter(
                child_id__in=self.ids, review_date__range=(self.year.start, self.year.end)
            )
            .order_by("child__local_id", "review_date")
            .values("child_id", "review_date", "participation")
        )
        for review in rows:
            yield {
                **self.child(review["child_id"]),
                "REVIEW": fmt(review["review_date"]),
                "REVIEW_CODE": review["participation"],
            }

    def uasc(self) -> Iterable[Row]:
        rows = (
            UASCStatus.objects.filter(child_id__in=self.ids, start_date__lte=self.year.end)
            .order_by("child__local_id", "start_date")
            .values("child_id", "end_date")
        )
        for status in rows:
            person = self.people[status["child_id"]]
            ceased = (
                status["end_date"]
                if status["end_date"] and status["end_date"] <= self.year.end
                else None
            )
            yield {
                "CHILD": person["local_id"],
                "SEX": sex_code(person["sex"], self.year),
                "DOB": fmt(person["date_of_birth"]),
                "DUC": fmt(ceased),
            }

    def oc2(self) -> Iterable[Row]:
        from kinfolio.returns.ssda903.outcomes import oc2_rows

        return oc2_rows(self)

    def oc3(self) -> Iterable[Row]:
        """Care leavers at their 17th to 21st birthday in the year: a child still looked
        after on that birthday, or leaving care that day, is not yet a care leaver at it
        (rule 1016)."""
        in_care = PeriodOfCare.objects.filter(
            child_id=OuterRef("child_id"), start_date__lte=OuterRef("birthday")
        ).filter(Q(end_date__isnull=True) | Q(end_date__gte=OuterRef("birthday")))
        rows = (
            CareLeaverContact.objects.filter(
                child_id__in=self.ids, birthday__range=(self.year.start, self.year.end)
            )
            .exclude(Exists(in_care))
            .order_by("child__local_id", "birthday")
            .values("child_id", "in_touch", "activity", "accommodation")
        )
        for contact in rows:
            yield {
                **self.child(contact["child_id"]),
                "IN_TOUCH": contact["in_touch"],
                "ACTIV": contact["activity"],
                "ACCOM": contact["accommodation"],
            }

    def ad1(self) -> Iterable[Row]:
        rows = (
            AdoptionPlan.objects.filter(
                child_id__in=self.ids,
                adoption_order_date__range=(self.year.start, self.year.end),
            )
            .order_by("child__local_id")
            .values(
                "child_id",
                "adm_decision_date",
                "matched_date",
                "adopted_by_foster_carer",
                "adopters__number_of_adopters",
                "adopters__sex_of_adopters",
                "adopters__legal_status",
            )
        )
        for plan in rows:
            foster = plan["adopted_by_foster_carer"]
            yield {
                **self.child(plan["child_id"]),
                "DATE_INT": fmt(plan["adm_decision_date"]),
                "DATE_MATCH": fmt(plan["matched_date"]),
                "FOSTER_CARE": "" if foster is None else str(int(foster)),
                "NB_ADOPTR": str(plan["adopters__number_of_adopters"] or ""),
                "SEX_ADOPTR": plan["adopters__sex_of_adopters"] or "",
                "LS_ADOPTR": plan["adopters__legal_status"] or "",
            }

    def placed_adoption(self) -> Iterable[Row]:
        year = self.year
        rows = (
            AdoptionPlan.objects.filter(child_id__in=self.ids, adm_decision_date__lte=year.end)
            .filter(
                Q(decision_reversed_date__isnull=True) | Q(decision_reversed_date__gte=year.start)
            )
            .order_by("child__local_id", "adm_decision_date")
            .values(
                "child_id", "adm_decision_date", "decision_reversed_date", "reason_placed_ceased"
            )
        )
        for plan in rows:
            reversed_on = plan["decision_reversed_date"]
            in_year = reversed_on is not None and reversed_on <= year.end
            yield {
                **self.child(plan["child_id"]),
                "DATE_PLACED": fmt(plan["adm_decision_date"]),
                "DATE_PLACED_CEASED": fmt(reversed_on) if in_year else "",
                "REASON_PLACED_CEASED": plan["reason_placed_ceased"] if in_year else "",
            }

    def prev_perm(self) -> Iterable[Row]:
        """For the children who started to be looked after in the year (rules 630, 634)."""
        started = PeriodOfCare.objects.filter(
            child_id__in=self.ids, start_date__range=(self.year.start, self.year.end)
        ).values("child_id")
        rows = (
            PreviousPermanence.objects.filter(child_id__in=started)
            .order_by("child__local_id", "order_date", "pk")
            .values("child_id", "permanence_option", "order_date", "local_authority")
        )
        for previous in rows:
            yield {
                **self.child(previous["child_id"]),
                "PREV_PERM": previous["permanence_option"],
                "LA_PERM": previous["local_authority"],
                "DATE_PERM": fmt(previous["order_date"]),
            }

    def missing(self) -> Iterable[Row]:
        """The missing episodes of looked after children that overlap the year. The year
        is chosen here, not in the query: on the demo, SQLite 3.40.1 answered the chunk's
        ``child_id IN (...)`` with a date range on the (child, start) index by rows
        starting after 31 March (its plan's SeekScan step); a child has few episodes."""
        year = self.year
        rows = (
            MissingEpisode.objects.filter(child_id__in=self.ids, period__isnull=False)
            .order_by("child__local_id", "start_date")
            .values("child_id", "missing_type", "start_date", "end_date")
        )
        for episode in rows:
            if episode["start_date"] > year.end or (
                episode["end_date"] is not None and episode["end_date"] < year.start
            ):
                continue
            ended = (
                episode["end_date"]
                if episode["end_date"] and episode["end_date"] <= year.end
                else None
            )
            yield {
                **self.child(episode["child_id"]),
                "MISSING": episode["missing_type"],
                "MIS_START": fmt(episode["start_date"]),
                "MIS_END": fmt(ended),
            }

    def sw_episodes(self) -> Iterable[Row]:
        # One derivation of episodes for every page and return (workforce.sw_episodes):
        # a worker who moves team with the child keeps one episode. The table is for
        # the children looked after on 31 March, with every episode of the year before
        # (the validator's rules SW11b, SW12 and SW17).
        year = self.year
        at_year_end = list(
            PeriodOfCare.objects.filter(child_id__in=self.ids, start_date__lte=year.end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gt=year.end))
            .values_list("child_id", flat=True)
        )
        found = social_worker_episodes(at_year_end, as_at=year.end, since=year.start)
        for child_id in self.ids:
            for episode in found.get(child_id, []):
                yield {
                    **self.child(child_id),
                    "SW_ID": episode.sw_id,
                    "SW_DECOM": fmt(episode.start),
                    "SW_DEC": fmt(episode.end),
                    "SW_REASON": episode.reason,
                }

    def dolo(self) -> Iterable[Row]:
        return ()


ROWS: dict[str, Callable[[Chunk], Iterable[Row]]] = {
    "Header": Chunk.header,
    "Episodes": Chunk.episodes,
    "Reviews": Chunk.reviews,
    "UASC": Chunk.uasc,
    "OC2": Chunk.oc2,
    "OC3": Chunk.oc3,
    "AD1": Chunk.ad1,
    "PlacedAdoption": Chunk.placed_adoption,
    "PrevPerm": Chunk.prev_perm,
    "Missing": Chunk.missing,
    "SWEpisodes": Chunk.sw_episodes,
    "DoLo": Chunk.dolo,
}


def export_ssda903(
    year: CollectionYear, out_dir: Path, *, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Write the year's tables into ``out_dir``; return the rows written per table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = tables_for(year)
    ids = looked_after_child_ids(year)
    counts: dict[str, int] = defaultdict(int)
    with ExitStack() as stack:
        writers: dict[str, tuple[Table, csv.DictWriter]] = {}
        for table in tables:
            handle = stack.enter_context(
                open(out_dir / table.file_name, "w", newline="", encoding="utf-8")
            )
            writer = csv.DictWriter(handle, fieldnames=table.columns, lineterminator="\n")
            writer.writeheader()
            writers[table.name] = (table, writer)
        done = 0
        for chunk_ids in chunks(ids):
            chunk = Chunk(year, chunk_ids)
            for name, (_table, writer) in writers.items():
                for row in ROWS[name](chunk):
                    writer.writerow(row)
                    counts[name] += 1
            done += len(chunk_ids)
            if progress:
                progress(done, len(ids))
    return {table.name: counts[table.name] for table in tables}
