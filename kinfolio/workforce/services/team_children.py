"""Teams compared's stored rows (``TeamChild``): the teams each child is held by now,
stored again with the child's deadline clocks (``timescales.services.refresh_clocks``
calls ``store``), so teams compared counts a team's narrow rows instead of looking up
every held child's record on each request."""

from kinfolio.workforce.models import Allocation, TeamChild


def store(child_ids: list[int]) -> int:
    """Store again the rows of these children, in the caller's transaction: one for each
    team holding a child (not another person) now. Returns the rows stored."""
    held = Allocation.objects.filter(
        child_id__in=child_ids, child__is_child_subject=True, end_date__isnull=True
    ).order_by()
    waiting: dict[tuple[int, int], bool] = {}
    for team_id, child_id, worker_id in held.values_list("team_id", "child_id", "worker_id"):
        waiting[team_id, child_id] = waiting.get((team_id, child_id), False) or worker_id is None
    TeamChild.objects.filter(child_id__in=child_ids).delete()
    TeamChild.objects.bulk_create(
        [
            TeamChild(team_id=team_id, child_id=child_id, waiting=is_waiting)
            for (team_id, child_id), is_waiting in waiting.items()
        ],
        batch_size=2000,
    )
    return len(waiting)
