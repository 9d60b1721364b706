"""The review recommendations a worker owns, for pages about that worker."""

from django import template
from django.utils import timezone

from kinfolio.children_in_care.selectors import recommendations_owned_by

register = template.Library()


@register.inclusion_tag("children_in_care/_owned_recommendations.html", takes_context=True)
def owned_recommendations(context, worker):
    user = context["request"].user
    rows = list(recommendations_owned_by(worker, user=user)) if worker else []
    return {"recommendations": rows, "today": timezone.localdate(), "show_child": True}
