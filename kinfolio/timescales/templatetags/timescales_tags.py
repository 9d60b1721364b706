"""``{% child_deadlines child as deadlines %}``: the child record's deadlines panel reads
them through the selector (the record view has already checked the child is visible)."""

from django import template

from kinfolio.timescales import selectors

register = template.Library()


@register.simple_tag
def child_deadlines(child) -> dict:
    return selectors.child_deadlines(child)
