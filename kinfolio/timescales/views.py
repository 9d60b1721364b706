"""Pages about deadlines: mine, my team's, and the rules behind them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from kinfolio.accounts.permissions import Permission, permission_required
from kinfolio.timescales import selectors, services
from kinfolio.timescales.forms import RuleVersionForm
from kinfolio.timescales.models import TimescaleRule
from kinfolio.workforce.models import Team


@permission_required(Permission.VIEW_CASELOAD)
def my_deadlines(request):
    deadlines = selectors.deadlines_for_user(request.user)
    return render(request, "timescales/my_deadlines.html", {"deadlines": deadlines})


@permission_required(Permission.VIEW_TEAMS)
def team_deadlines(request, team_id: int):
    team = get_object_or_404(Team.objects.select_related("manager"), pk=team_id)
    groups = selectors.team_deadlines(team, request.user)
    return render(request, "timescales/team_deadlines.html", {"team": team, "groups": groups})


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
