"""Managers' pages to read: the team's day, its children, a worker, teams compared."""

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, render

from kinfolio.accounts.permissions import Permission, has_permission, permission_required
from kinfolio.workforce import team_selectors
from kinfolio.workforce.models import Team, Worker


@permission_required(Permission.VIEW_TEAMS)
def my_team(request):
    """The team manager's home: the (first) team they manage."""
    worker = getattr(request.user, "worker", None)
    teams = []
    if worker is not None:
        # Read once: the home shows the first; records awaiting authorisation, all of them.
        managed = Prefetch("managed_teams", queryset=team_selectors.home_teams(request.user))
        prefetch_related_objects([worker], managed)
        teams = worker.managed_teams.all()
    if not teams:
        return render(request, "workforce/no_team.html")
    return _team_home(request, teams[0])


@permission_required(Permission.VIEW_TEAMS)
def team_home(request, team_id: int):
    teams = team_selectors.home_teams(request.user).select_related("manager")
    team = get_object_or_404(teams, pk=team_id)
    return _team_home(request, team)


def _team_home(request, team: Team):
    return render(
        request,
        "workforce/team_home.html",
        {
            "day": team_selectors.team_day(team, request.user),
            "can_allocate": has_permission(request.user, Permission.ALLOCATE_CASES),
            "can_supervise": has_permission(request.user, Permission.RECORD_OVERSIGHT),
            "can_authorise": has_permission(request.user, Permission.AUTHORISE_ASSESSMENTS),
        },
    )


@permission_required(Permission.VIEW_TEAMS)
def team_children(request, team_id: int):
    team = get_object_or_404(Team.objects.select_related("service"), pk=team_id)
    children = list(team_selectors.team_children(team, request.user))
    return render(request, "workforce/team_children.html", {"team": team, "children": children})


@permission_required(Permission.VIEW_TEAMS)
def worker_detail(request, worker_id: int):
    worker = get_object_or_404(Worker.objects.select_related("team__manager"), pk=worker_id)
    return render(
        request,
        "workforce/worker_detail.html",
        {
            "worker": worker,
            "holds": list(team_selectors.reallocation_list(worker, request.user)),
            "supervisions": list(team_selectors.supervisions_of(worker)[:12]),
            "can_allocate": has_permission(request.user, Permission.ALLOCATE_CASES),
            "can_supervise": has_permission(request.user, Permission.RECORD_OVERSIGHT),
        },
    )


@permission_required(Permission.COMPARE_TEAMS)
def compare_teams(request):
    rows = team_selectors.teams_compared(request.user)
    return render(request, "workforce/compare_teams.html", {"rows": rows})
