"""The SSDA903 Header table: one row per child, with whether a girl is a mother.

MOTHER and MC_DOB come from the child's own relationships: a looked-after girl recorded
as the mother of a child born by the end of the year (or by the day she left care, if
earlier) is a mother ("1", with her first child's date of birth); any other girl is not
("0"). Both are left blank for boys and for children looked after only under short
breaks (legal status V3 or V4), as the validator's rules 393 and 607 ask.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from kinfolio.children_in_care.models import CareEpisode
from kinfolio.people.models import Relationship
from kinfolio.returns.ssda903.tables import fmt

if TYPE_CHECKING:
    from kinfolio.returns.ssda903.export import Chunk, Row

SHORT_BREAKS = {"V3", "V4"}


def _in_care_until(chunk: Chunk) -> dict[int, date]:
    """For each child looked after other than for short breaks in the year, the last
    day they were (the year's end when still looked after then)."""
    from kinfolio.returns.ssda903.export import overlapping

    year = chunk.year
    last: dict[int, date] = {}
    episodes = (
        CareEpisode.objects.filter(period__child_id__in=chunk.ids)
        .filter(overlapping("start_date", "end_date", year))
        .exclude(legal_status__in=SHORT_BREAKS)
        .values_list("period__child_id", "end_date")
    )
    for child_id, end in episodes:
        day = year.end if end is None or end > year.end else end
        last[child_id] = max(day, last.get(child_id, day))
    return last


def _first_born(chunk: Chunk) -> dict[int, date]:
    first: dict[int, date] = {}
    babies = Relationship.objects.filter(
        person_id__in=chunk.ids, relationship_type="mother", other__date_of_birth__isnull=False
    ).values_list("person_id", "other__date_of_birth")
    for mother_id, born in babies:
        first[mother_id] = min(born, first.get(mother_id, born))
    return first


def header_rows(chunk: Chunk) -> Iterable[Row]:
    from kinfolio.returns.ssda903.export import sex_code

    in_care_until = _in_care_until(chunk)
    first_born = _first_born(chunk)
    for pk in chunk.ids:
        person = chunk.people[pk]
        mother, first_child = "", ""
        if person["sex"] in ("F", "2") and pk in in_care_until:
            born = first_born.get(pk)
            is_mother = born is not None and born <= in_care_until[pk]
            mother = "1" if is_mother else "0"
            first_child = fmt(born) if is_mother else ""
        yield {
            "CHILD": person["local_id"],
            "SEX": sex_code(person["sex"], chunk.year),
            "DOB": fmt(person["date_of_birth"]),
            "ETHNIC": person["ethnicity"],
            "UPN": person["upn"] or person["upn_unknown_reason"],
            "MOTHER": mother,
            "MC_DOB": first_child,
        }
