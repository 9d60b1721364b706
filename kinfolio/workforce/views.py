from django.shortcuts import get_object_or_404, render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.timescales.selectors import deadlines_for_user
from kinfolio.workforce import selectors
from kinfolio.workforce.models import Team


@permission_required(Permission.VIEW_CASELOAD)
def my_caseload(request):
    worker = getattr(request.user, "worker", None)
    children = list(selectors.caseload_for_worker(worker, user=request.user)) if worker else []
    return render(
        request,
        "workforce/my_caseload.html",
        {"worker": worker, "children": children, "deadlines": deadlines_for_user(request.user)},
    )


@permission_required(Permission.VIEW_TEAMS)
def team_list(request):
    return render(request, "workforce/team_list.html", {"teams": selectors.teams_with_counts()})


@permission_required(Permission.VIEW_TEAMS)
def team_detail(request, team_id: int):
    team = get_object_or_404(Team.objects.select_related("service", "manager"), pk=team_id)
    return render(
        request,
        "workforce/team_detail.html",
        {
            "team": team,
            "workers": selectors.team_workers_with_caseloads(team),
            "unallocated": selectors.unallocated_children(team, user=request.user),
        },
    )
