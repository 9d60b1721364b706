"""``{{ value|collected_value:indicator }}``: a collected value in its indicator's unit."""

from django import template

register = template.Library()


@register.filter
def collected_value(value, indicator) -> str:
    return indicator.display(value)
