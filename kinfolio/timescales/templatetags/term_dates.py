"""``{% term_dates_warning %}``: the warning shown before the school term dates run out."""

from django import template
from django.utils import timezone

from kinfolio.timescales import term_dates

register = template.Library()


@register.inclusion_tag("timescales/_term_warning.html")
def term_dates_warning():
    return {"warning": term_dates.warning(timezone.localdate())}
