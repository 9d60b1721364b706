from django import template
from django.utils import timezone

from kinfolio.inspection.selectors import overdue_actions_for

register = template.Library()


@register.inclusion_tag("inspection/_overdue_actions.html", takes_context=True)
def overdue_inspection_actions(context):
    """The signed-in user's overdue actions (every overdue action, for the director)."""
    today = timezone.localdate()
    user = context["request"].user
    return {"overdue": list(overdue_actions_for(user, today=today)), "today": today}
