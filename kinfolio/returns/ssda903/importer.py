"""Import an SSDA903 return into Kinfolio: children, periods of care and episodes,
reviews, UASC, missing episodes, previous permanence and social worker episodes.

All or nothing: the files are read and checked first (``reading``); any problem
refuses the whole import. The records are then written in one transaction, matching
what is already there so that importing the same files twice changes nothing.
Children are matched by LA child ID, then by UPN and date of birth; a UPN match with
a different date of birth is not trusted: it is listed for review and the row left.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

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
    ImportRefused,
    Problem,
    Summary,
    new_import_id,
    refresh_imported,
)
from kinfolio.returns.ssda903.reading import read_folder
from kinfolio.workforce.models import Allocation, Worker

STARTED = "S"
SAME_PERIOD = "X1"
IMPORTED_NAME = "Not given in the return"
NOT_KEPT = [
    "Header MOTHER and MC_DOB",
    "OC2 (outcomes: health, SDQ, convictions, substance misuse)",
    "OC3 (care leavers at 17 to 21)",
    "AD1 and PlacedAdoption (adoption decisions: their adopters are not in the return)",
    "PrevPerm LA_PERM",
    "DoLo (deprivation of liberty orders)",
]


class _DryRun(Exception):
    pass


def import_ssda903(folder: Path, *, dry_run: bool = False, by=None) -> Summary:
    """Import the tables; after it the change history of every child in the Header
    says so and their deadline clocks are stored (``by`` is the user importing it)."""
    read = read_folder(folder)
    if read.problems:
        raise ImportRefused(read.problems)
    summary = Summary(left=list(NOT_KEPT))
    try:
        with transaction.atomic():
            children = _children(read.rows["Header"], summary)
            periods = _episodes(read.rows.get("Episodes", []), children, summary)
            _reviews(read.rows.get("Reviews", []), children, periods, summary)
            _uasc(read.rows.get("UASC", []), children, summary)
            _missing(read.rows.get("Missing", []), children, periods, summary)
            _previous_permanence(read.rows.get("PrevPerm", []), children, summary)
            _social_workers(read.rows.get("SWEpisodes", []), children, summary)
            if dry_run:
                raise _DryRun
            import_id = new_import_id()
            record_import(
                by=by,
                import_id=import_id,
                child_ids=[child.pk for child in children.values()],
                source=f"the SSDA903 return in {folder.name}",
            )
            refresh_imported(import_id)
    except _DryRun:
        pass
    except (IntegrityError, ValidationError) as error:
        # A rule of Kinfolio's records that the files break (for example an episode
        # with a reason it ceased but no end date): nothing is written.
        raise ImportRefused(
            [Problem(str(folder), "", "", "", f"The records break a rule: {error}")]
        ) from error
    return summary


def _children(rows: list[dict], summary: Summary) -> dict[str, Person]:
    ids = [row["CHILD"] for row in rows]
    known = {p.local_id: p for p in Person.objects.filter(local_id__in=ids)}
    by_upn = {
        p.upn: p
        for p in Person.objects.filter(upn__in=[r["UPN"] for r in rows if r["UPN"]]).exclude(
            local_id__in=ids
        )
    }
    children: dict[str, Person] = {}
    for row in rows:
        child = known.get(row["CHILD"])
        if child is None and row["UPN"] in by_upn:
            candidate = by_upn[row["UPN"]]
            if candidate.date_of_birth == row["DOB"]:
                child = candidate
            else:
                summary.review.append(
                    f"{row['CHILD']}: UPN {row['UPN']} is {candidate.local_id}'s, whose date "
                    "of birth differs; left for a person to check"
                )
                continue
        if child is not None:
            summary.matched["children"] += 1
        else:
            child = Person.objects.create(
                local_id=row["CHILD"],
                family_name=IMPORTED_NAME,
                sex={"1": "M", "2": "F"}.get(row["SEX"], row["SEX"]),
                date_of_birth=row["DOB"],
                ethnicity=row["ETHNIC"],
                upn=row["UPN"] if not row["UPN"].startswith("UN") else "",
                upn_unknown_reason=row["UPN"] if row["UPN"].startswith("UN") else "",
                is_child_subject=True,
            )
            summary.created["children"] += 1
        children[row["CHILD"]] = child
        if row.get("MOTHER") == "1" and row.get("MC_DOB"):
            _first_child(child, row["MC_DOB"], summary)
    return children


def _first_child(mother: Person, born, summary: Summary) -> None:
    """A girl who is a mother (MOTHER 1): her first child, born on MC_DOB, is recorded
    as a person with her as mother, unless she already has a child recorded."""
    if Relationship.objects.filter(person=mother, relationship_type="mother").exists():
        summary.matched["mothers' children"] += 1
        return
    baby = Person.objects.create(
        local_id=f"{mother.local_id}-C1"[-20:],
        family_name=IMPORTED_NAME,
        sex="U",
        date_of_birth=born,
    )
    Relationship.objects.create(person=mother, other=baby, relationship_type="mother")
    summary.created["mothers' children"] += 1


def _episodes(rows, children, summary) -> dict[int, list[PeriodOfCare]]:
    by_child: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["CHILD"] in children:
            by_child[row["CHILD"]].append(row)
    periods: dict[int, list[PeriodOfCare]] = defaultdict(list)
    for child_id, episodes in by_child.items():
        child = children[child_id]
        episodes.sort(key=lambda r: r["DECOM"])
        period = None
        for row in episodes:
            if row["RNE"] == STARTED or period is None:
                period, made = PeriodOfCare.objects.get_or_create(
                    child=child, start_date=row["DECOM"]
                )
                summary.created["periods of care"] += made
                summary.matched["periods of care"] += not made
                periods[child.pk].append(period)
            episode, made = CareEpisode.objects.get_or_create(
                period=period,
                start_date=row["DECOM"],
                defaults=_episode_fields(row),
            )
            if not made:
                fields = _episode_fields(row)
                if not row["DEC"] and episode.end_date is not None:
                    # The return was made while the episode was open and it has ended
                    # since (a return describes its year as it stood on 31 March).
                    for name in ("end_date", "reason_ceased", "reason_place_change"):
                        del fields[name]
                for name, value in fields.items():
                    setattr(episode, name, value)
                episode.save()
            summary.created["episodes"] += made
            summary.matched["episodes"] += not made
            if row["DEC"] and row["REC"] != SAME_PERIOD and period.end_date != row["DEC"]:
                period.end_date = row["DEC"]
                period.save(update_fields=["end_date"])
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


def _period_on(periods: list[PeriodOfCare], day):
    return next(
        (p for p in periods if p.start_date <= day and (p.end_date is None or day <= p.end_date)),
        None,
    )


def _reviews(rows, children, periods, summary) -> None:
    for row in rows:
        child = children.get(row["CHILD"])
        period = child and _period_on(periods[child.pk], row["REVIEW"])
        if period is None:
            summary.review.append(f"{row['_file']} {row['_where']}: review outside any period")
            continue
        _, made = LACReview.objects.get_or_create(
            child=child,
            review_date=row["REVIEW"],
            defaults={
                "period": period,
                "due_date": row["REVIEW"],
                "participation": row["REVIEW_CODE"],
            },
        )
        summary.created["reviews"] += made
        summary.matched["reviews"] += not made


def _uasc(rows, children, summary) -> None:
    for row in rows:
        child = children.get(row["CHILD"])
        if child is None:
            continue
        start = child.date_of_birth
        _, made = UASCStatus.objects.get_or_create(
            child=child, start_date=start, defaults={"end_date": row["DUC"] or None}
        )
        summary.created["UASC statuses"] += made
        summary.matched["UASC statuses"] += not made


def _missing(rows, children, periods, summary) -> None:
    for row in rows:
        child = children.get(row["CHILD"])
        if child is None:
            continue
        _, made = MissingEpisode.objects.get_or_create(
            child=child,
            start_date=row["MIS_START"],
            defaults={
                "missing_type": row["MISSING"],
                "end_date": row["MIS_END"] or None,
                "period": _period_on(periods[child.pk], row["MIS_START"]),
            },
        )
        summary.created["missing episodes"] += made
        summary.matched["missing episodes"] += not made


def _previous_permanence(rows, children, summary) -> None:
    for row in rows:
        child = children.get(row["CHILD"])
        if child is None:
            continue
        _, made = PreviousPermanence.objects.get_or_create(
            child=child,
            permanence_option=row["PREV_PERM"],
            order_date=row["DATE_PERM"] or None,
        )
        summary.created["previous permanence"] += made
        summary.matched["previous permanence"] += not made


def _social_workers(rows, children, summary) -> None:
    """A social worker episode needs the worker in Kinfolio (SW_ID "SW" + worker
    number, as Kinfolio writes it); another ID is left and listed."""
    numbers = [
        r["SW_ID"][2:] for r in rows if r["SW_ID"].startswith("SW") and r["SW_ID"][2:].isdigit()
    ]
    workers = {w.pk: w for w in Worker.objects.filter(pk__in=numbers).select_related("team")}
    for row in rows:
        child = children.get(row["CHILD"])
        number = row["SW_ID"][2:]
        worker = workers.get(int(number)) if number.isdigit() else None
        if child is None or worker is None:
            summary.review.append(
                f"{row['_file']} {row['_where']}: social worker {row['SW_ID']} "
                "is not a Kinfolio worker; episode left"
            )
            continue
        _, made = Allocation.objects.get_or_create(
            child=child,
            role="social_worker",
            worker=worker,
            start_date=row["SW_DECOM"],
            defaults={
                "team": worker.team,
                "end_date": row["SW_DEC"] or None,
                "change_reason": row["SW_REASON"],
            },
        )
        summary.created["social worker episodes"] += made
        summary.matched["social worker episodes"] += not made
