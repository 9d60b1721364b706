from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.children_in_care.selectors import recommendations_owned_by
from kinfolio.core.paging import page_counted_alongside
from kinfolio.timescales.selectors import deadline_rows, deadlines_for_user
from kinfolio.workforce import selectors
from kinfolio.workforce.models import Team

PAGE_SIZE = 50
MOST_PRESSING = 10  # deadlines shown on the caseload page; the rest on "my deadlines"


@permission_required(Permission.VIEW_CASELOAD)
def my_caseload(request):
    worker = getattr(request.user, "worker", None)
    today = timezone.localdate()
    context = {"worker": worker, "today": today}
    if worker:
        children = selectors.caseload_for_worker(worker, user=request.user)
        held = [child.pk for child in children]  # the scope checked once, by that read
        pressing = deadlines_for_user(request.user, today=today, children=held)
        deadlines = page_counted_alongside(pressing, MOST_PRESSING, 1)
        context |= {
            "page": Paginator(children, PAGE_SIZE).get_page(request.GET.get("page")),
            "deadlines": deadline_rows(deadlines, today=today),
            "deadline_count": deadlines.paginator.count,
            "recommendations": recommendations_owned_by(worker, user=request.user, seen=held),
        }
    return render(request, "workforce/my_caseload.html", context)


@permission_required(Permission.VIEW_TEAMS)
def team_list(request):
    return render(request, "workforce/team_list.html", {"teams": selectors.teams_with_counts()})


@permission_required(Permission.VIEW_TEAMS)
def team_detail(request, team_id: int):
    team = get_object_or_404(Team.objects.select_related("service", "manager"), pk=team_id)
    unallocated = selectors.unallocated_children(team, user=request.user)
    return render(
        request,
        "workforce/team_detail.html",
        {
            "team": team,
            "workers": selectors.team_workers_with_caseloads(team),
            "unallocated": Paginator(unallocated, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )
