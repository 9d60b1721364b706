"""Reads about assessments, scoped to the user through ``children_visible_to``."""

from django.db.models import Q, QuerySet

from kinfolio.accounts.models import Role, User
from kinfolio.assessments.models import Assessment
from kinfolio.people.selectors import children_visible_to


def awaiting_authorisation(user: User) -> QuerySet[Assessment]:
    """Assessments sent for sign-off and not yet authorised, oldest first.

    A team manager sees those of the teams they manage (by the assessing worker's team
    or, without a worker, the episode's team), falling back to their own team; other
    roles with the permission see every one among the children they may see. One
    query whatever the number of rows: the columns shown are joined in.
    """
    queue = (
        Assessment.objects.filter(
            child__in=children_visible_to(user),
            submitted_at__isnull=False,
            authorised_date__isnull=True,
        )
        .select_related("child", "worker", "cin_episode__team")
        .order_by("submitted_at", "pk")
    )
    if user.role != Role.TEAM_MANAGER:
        return queue
    worker = getattr(user, "worker", None)
    if worker is None:
        return queue.none()
    teams = [team.pk for team in worker.managed_teams.all()] or [worker.team_id]
    return queue.filter(
        Q(worker__team_id__in=teams) | Q(worker__isnull=True, cin_episode__team_id__in=teams)
    )
