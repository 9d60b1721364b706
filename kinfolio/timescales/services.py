"""Writes about timescales, and the due date every domain service stores.

``due_date`` is the only way a due date is computed: a service that stores one (an
assessment's, a conference's) calls it with the rule's key and the date the clock
started, and lets ``CalendarHorizonError`` reach the user as it is.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from kinfolio.accounts.models import User
from kinfolio.timescales import clocks
from kinfolio.timescales.calendar import default_calendar
from kinfolio.timescales.engine import NoRuleInForce, RuleBook
from kinfolio.timescales.models import SchoolTerm, TimescaleRule


def due_date(rule_key: str, started_on: dt.date) -> dt.date:
    """The due date of a clock of ``rule_key`` started on ``started_on``, under the
    version of the rule in force that day.

    Raises ``NoRuleInForce`` if no version applies then, and ``CalendarHorizonError``
    (whose message says so) if the bank holiday or school term data does not reach.
    """
    versions = TimescaleRule.objects.filter(key=rule_key, effective_from__lte=started_on)
    rule = versions.order_by("-effective_from").first()
    if rule is None:
        raise NoRuleInForce(
            f"No version of the timescale {rule_key!r} applies on {started_on:%-d %B %Y}."
        )
    terms = list(SchoolTerm.objects.all()) if rule.unit == "school_days" else []
    return RuleBook([rule], default_calendar(), terms).due(rule_key, started_on)


def add_rule_version(
    *,
    key: str,
    name: str,
    interval: int,
    unit: str,
    source: str,
    effective_from: dt.date,
    notes: str = "",
    before: bool = False,
    reporting_only: bool = False,
    by: User,
) -> TimescaleRule:
    """Add a new version of an existing rule, in force for clocks started on or after
    ``effective_from``; earlier clocks keep the version they started under.

    The start and stop events stay those of the rule (the clock that finds them in the
    records is code); a version dated on or before the latest one's date is refused so
    history is never rewritten.
    """
    latest = TimescaleRule.objects.filter(key=key).order_by("-effective_from").first()
    if latest is None or key not in clocks.registry():
        raise ValidationError({"key": "There is no timescale with that name."})
    if effective_from <= latest.effective_from:
        raise ValidationError(
            {
                "effective_from": "The date the new version applies from must "
                f"be after {latest.effective_from:%-d %B %Y}, when the "
                "current version began."
            }
        )
    rule = TimescaleRule(
        key=key,
        name=name,
        start_event=latest.start_event,
        stop_event=latest.stop_event,
        interval=interval,
        unit=unit,
        before=before,
        source=source,
        notes=notes,
        effective_from=effective_from,
        reporting_only=reporting_only,
        created_by=by,
    )
    rule.full_clean()
    with transaction.atomic():
        rule.save()
    return rule


def send_deadline_digests(*, today: dt.date) -> int:
    """Tell each user their daily digest (a notification, and an e-mail to those with an
    address); a user who already has today's digest is skipped, so running twice sends
    nothing twice."""
    from kinfolio.notifications.models import NotificationKind
    from kinfolio.notifications.services import notify
    from kinfolio.timescales.digest import compose

    sent = 0
    for digest in compose(today):
        sent += len(
            notify(
                recipients=[digest.recipient],
                kind=NotificationKind.DEADLINE_DIGEST,
                subject=digest.subject(today),
                body=digest.body(today),
                link=reverse("timescales:mine"),
                key=today.isoformat(),
            )
        )
    return sent
