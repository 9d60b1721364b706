"""Pages about deadlines: mine, my team's, and the rules behind them."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.core.paging import CountedPaginator, page_counted_alongside
from kinfolio.timescales import selectors, services
from kinfolio.timescales.forms import RuleVersionForm
from kinfolio.timescales.models import TimescaleRule
from kinfolio.workforce.models import Team

PAGE_SIZE = 50


def _page_of_deadlines(request, rows, today, *, count: int | None = None):
    """One page of stored clocks as deadlines, and the page for the pagination links;
    counted with the page when no ``count`` is given."""
    number = request.GET.get("page")
    if count is None:
        page = page_counted_alongside(rows, PAGE_SIZE, number)
    else:
        page = CountedPaginator(rows, PAGE_SIZE, count=count).get_page(number)
    return selectors.deadline_rows(page.object_list, today=today), page


@permission_required(Permission.VIEW_CASELOAD)
def my_deadlines(request):
    today = timezone.localdate()
    rows = selectors.deadlines_for_user(request.user, today=today)
    deadlines, page = _page_of_deadlines(request, rows, today)
    return render(request, "timescales/my_deadlines.html", {"deadlines": deadlines, "page": page})


@permission_required(Permission.VIEW_TEAMS)
def team_deadlines(request, team_id: int):
    team = get_object_or_404(Team.objects.select_related("manager"), pk=team_id)
    today = timezone.localdate()
    rows = selectors.team_deadlines(team, request.user, today=today)
    counts = selectors.status_counts(rows, today=today)  # which add up to the rows' count
    page_rows = selectors.with_rules(rows)
    deadlines, page = _page_of_deadlines(request, page_rows, today, count=sum(counts.values()))
    groups = [(s, counts[s], list(g)) for s, g in groupby(deadlines, key=lambda d: d.status)]
    context = {"team": team, "counts": counts, "groups": groups, "page": page}
    return render(request, "timescales/team_deadlines.html", context)


@permission_required(Permission.MANAGE_TIMESCALES)
def rule_list(request):
    rules = [
        (key, versions, selectors.rule_has_clocks(key))
        for key, versions in selectors.rules_by_key()
    ]
    return render(request, "timescales/rule_list.html", {"rules": rules})


@permission_required(Permission.MANAGE_TIMESCALES)
def rule_new_version(request, key: str):
    current = TimescaleRule.objects.filter(key=key).order_by("-effective_from").first()
    if current is None:
        raise Http404
    initial = {
        f: getattr(current, f)
        for f in ("name", "interval", "unit", "before", "source", "notes", "reporting_only")
    }
    form = RuleVersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_rule_version(key=key, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, f"{form.cleaned_data['name']}: new version added")
            return redirect("timescales:rules")
    return render(request, "timescales/rule_form.html", {"form": form, "current": current})
