"""SSDA903 social worker episodes (the SWEpisodes table), read from allocations.

One episode is one social worker's unbroken time as the child's allocated social worker:
SW_ID is the worker's Social Work England registration number (or, where it is not
recorded, "SW" and Kinfolio's worker number, the same in every return), SW_DECOM the day they
took the child on, SW_DEC the day they stopped (blank while they still hold the child,
or when they held the child past the date the return is made up to) and SW_REASON why
the child had a new social worker (``codesets.SOCIAL_WORKER_CHANGE_REASON``). A worker
who moves to a new team with the child keeps one episode; time waiting in a team with
no named worker is no episode.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kinfolio.workforce.models import Allocation

SOCIAL_WORKER = "social_worker"


@dataclass(frozen=True)
class SWEpisode:
    child_id: int
    worker_id: int
    sw_id: str
    start: dt.date  # SW_DECOM
    end: dt.date | None  # SW_DEC
    reason: str  # SW_REASON

    def as_row(self) -> tuple[str, str, str, str]:
        """(SW_ID, SW_DECOM, SW_DEC, SW_REASON) as the return writes them."""
        end = f"{self.end:%d/%m/%Y}" if self.end else ""
        return (self.sw_id, f"{self.start:%d/%m/%Y}", end, self.reason)


def social_worker_id(worker) -> str:
    """SW_ID: the DfE asks for an ID beginning "SW", the same for a worker every year,
    of at least four characters (rule SW02): Kinfolio's number is written in five digits."""
    return worker.registration_number or f"SW{worker.pk:05d}"


def social_worker_episodes(
    child_ids: Iterable[int], *, as_at: dt.date | None = None, since: dt.date | None = None
) -> dict[int, list[SWEpisode]]:
    """Each child's social worker episodes, oldest first, in one query. With ``as_at``
    (the end of the collection year), only episodes begun by then, and an episode
    still running that day has no end date; with ``since`` (its start), only episodes
    that had not ended before it."""
    rows = (
        Allocation.objects.filter(
            child_id__in=list(child_ids), role=SOCIAL_WORKER, worker__isnull=False
        )
        .select_related("worker")
        .order_by("child_id", "start_date", "pk")
    )
    if as_at is not None:
        rows = rows.filter(start_date__lte=as_at)
    episodes: dict[int, list[SWEpisode]] = defaultdict(list)
    for allocation in rows:
        found = episodes[allocation.child_id]
        last = found[-1] if found else None
        if last and last.worker_id == allocation.worker_id and last.end == allocation.start_date:
            found[-1] = replace(last, end=allocation.end_date)
        else:
            found.append(
                SWEpisode(
                    child_id=allocation.child_id,
                    worker_id=allocation.worker_id,
                    sw_id=social_worker_id(allocation.worker),
                    start=allocation.start_date,
                    end=allocation.end_date,
                    reason=allocation.change_reason,
                )
            )
    return {
        child_id: [
            replace(e, end=None) if as_at and e.end is not None and e.end > as_at else e
            for e in found
            if since is None or e.end is None or e.end >= since
        ]
        for child_id, found in episodes.items()
    }
