from django import template
from django.utils import timezone

from kinfolio.inspection.selectors import overdue_actions_for

register = template.Library()


@register.inclusion_tag("inspection/_overdue_actions.html", takes_context=True)
def overdue_inspection_actions(context, any_overdue: bool = True):
    """The signed-in user's overdue actions (every overdue action, for the director).

    ``any_overdue``: False when the page has already asked, with a read of its own,
    and the user has none; then none are read."""
    if not any_overdue:
        return {"overdue": []}
    today = timezone.localdate()
    user = context["request"].user
    return {"overdue": list(overdue_actions_for(user, today=today)), "today": today}
