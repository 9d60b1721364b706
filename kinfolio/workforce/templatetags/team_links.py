"""Links to a team's pages, reversed once per process: teams compared links each of
~70 teams three ways, ~6 ms a page when every link is reversed again."""

from functools import lru_cache

from django import template
from django.template.defaultfilters import floatformat
from django.urls import get_script_prefix, reverse
from django.utils.safestring import mark_safe

register = template.Library()

CELL = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'


@register.simple_tag
def team_url(name: str, team_id: int) -> str:
    """``{% url name team_id %}`` for a team's page."""
    return _team_url(name, team_id, get_script_prefix())


@register.simple_tag
def compared_cells(row) -> str:
    """A team's numbers on teams compared (a ``TeamFigures``), each a link to the list
    behind it. One tag a row rather than a variable and a link each (~1,100 template
    nodes a page, about half of the page's own Python), and no escaping: a cell holds
    only a number and a link Django reversed from the team's id."""
    prefix = get_script_prefix()
    home = _team_url("workforce:team-home", row.team.pk, prefix)
    workers = f"{home}#workers"
    vacancies = None if row.vacancies is None else floatformat(row.vacancies, "-1")
    links = [
        (_team_url("workforce:team-children", row.team.pk, prefix), row.children),
        (f"{home}#waiting", row.unallocated),
        (_team_url("timescales:team", row.team.pk, prefix), row.overdue),
        (workers, row.workers),
        (workers, row.agency),
        (workers, vacancies),
        (workers, row.supervision_overdue),
    ]
    cells = (
        "Not set" if n is None else f'<a class="govuk-link" href="{url}">{n}</a>'
        for url, n in links
    )
    return mark_safe("".join(CELL.format(cell) for cell in cells))  # numbers and links only


@lru_cache(maxsize=4096)
def _team_url(name: str, team_id: int, prefix: str) -> str:
    return reverse(name, args=[team_id])  # under ``prefix``, which reverse reads itself
