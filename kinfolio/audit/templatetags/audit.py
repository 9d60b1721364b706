from django import template

from kinfolio.audit.selectors import change_history_for

register = template.Library()


@register.simple_tag
def change_history(child):
    """The newest field changes for the child (the page already checked who may see it)."""
    return change_history_for(child)
