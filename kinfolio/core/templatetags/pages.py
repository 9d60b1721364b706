"""Template filters for GOV.UK pagination."""

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def elided_page_range(page: Page):
    """Page numbers around the current one and at both ends, with ellipses between:
    a list of a hundred pages shows seven links, as GOV.UK pagination does."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
