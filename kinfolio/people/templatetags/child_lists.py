"""What a list of children (a caseload, search results, deadlines) shows on every row,
made cheaply: the link to each child reversed once per process (~35 us a row when each
is reversed), their status tags rendered once per combination of flags, and their age
on the page's day."""

import datetime as dt
from functools import lru_cache
from types import SimpleNamespace
from urllib.parse import quote

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html_join
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString

from kinfolio.journey.status import FLAGS, tags_of

register = template.Library()

_STANDS_IN = "kinfolio-local-id"  # reversed in place of a child's Kinfolio ID


@register.simple_tag
def child_url(local_id: str, name: str = "people:child") -> str:
    """``{% url name local_id %}`` for a page taking a child's Kinfolio ID: the link
    reversed once, each ID quoted into it as ``reverse`` quotes it."""
    if not local_id or "/" in local_id:  # not a path segment: reverse says why
        return reverse(name, args=[local_id])
    before, after = _around(name, get_script_prefix())
    return before + quote(local_id, safe=RFC3986_SUBDELIMS + "/~:@") + after


@lru_cache(maxsize=64)
def _around(name: str, prefix: str) -> tuple[str, str]:
    """The link to ``name`` before and after the child's ID (under ``prefix``, which
    reverse reads itself)."""
    before, after = reverse(name, args=[_STANDS_IN]).split(_STANDS_IN)
    return before, after


@register.simple_tag
def status_tags(child) -> SafeString:
    """The GOV.UK tags of a child's status, from the flags ``with_status_flags`` gives."""
    return _tags(*(getattr(child, flag) for flag in FLAGS))


@lru_cache(maxsize=2 ** len(FLAGS))
def _tags(*flags: bool) -> SafeString:
    """The tags for one combination of flags, rendered once per process."""
    shown = tags_of(SimpleNamespace(**dict(zip(FLAGS, flags, strict=True))))
    return format_html_join(
        "\n", '<strong class="govuk-tag govuk-tag--{}">{}</strong>', ((c, t) for t, c in shown)
    )


@register.filter
def age_on(child, day: dt.date) -> int | None:
    """``child.age`` on ``day`` (the page's today), without reading the clock each row."""
    return child.age_on(day)
