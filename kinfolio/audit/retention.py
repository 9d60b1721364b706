"""Which people's records have passed the date the retention rules keep them until.

The rules are data (``audit.models.RetentionRule``); which records make up each
category is decided here, once. A person's records are kept until the latest date any
of their categories' rules gives, and are then *due for review* by the records manager:
nothing here, or anywhere in Kinfolio, deletes a record because of a rule.

Dates: "until the 25th birthday" keeps the record through that day; it is due for review
from the day after. A birthday on 29 February falls on 1 March in other years.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from kinfolio.accounts.permissions import Permission, has_permission
from kinfolio.audit.models import RecordCategory, RetentionRule
from kinfolio.people.models import Person
from kinfolio.people.selectors import restricted_people_hidden_from

ONE_DAY = dt.timedelta(days=1)
REVIEW_LIMIT = 200


@dataclass(frozen=True)
class Category:
    """The records that make up a category: their model, the lookups giving the date each
    was opened and closed (a record with no closing date is still open) and a filter."""

    model: str
    opened: str
    closed: str
    only: Q = Q()

    def records(self):
        return apps.get_model(self.model).objects.filter(self.only)


CATEGORIES: dict[str, Category] = {
    RecordCategory.CHILD_PROTECTION: Category(
        "protection.ChildProtectionPlan", "start_date", "end_date"
    ),
    RecordCategory.LOOKED_AFTER: Category(
        "children_in_care.PeriodOfCare", "start_date", "end_date"
    ),
    RecordCategory.ADOPTION: Category(
        "adoption.AdoptionPlan",
        "adoption_order_date",
        "adoption_order_date",
        Q(adoption_order_date__isnull=False),
    ),
    RecordCategory.CHILD_IN_NEED: Category("referrals.CINEpisode", "referral_date", "close_date"),
    RecordCategory.EARLY_HELP: Category("early_help.EarlyHelpEpisode", "start_date", "end_date"),
    RecordCategory.CONTACT_ONLY: Category(
        "front_door.Contact", "received_at__date", "decided_at__date"
    ),
}
ADOPTION_ORDER = "adoption_order_date"


def add_years(d: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 1 March in a common year."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return dt.date(d.year + years, 3, 1)


def latest_date_keeping(on: dt.date, years: int) -> dt.date:
    """The latest start date whose anniversary ``years`` on is before ``on``: records
    dated on or before it have passed; the inverse of ``add_years``."""
    last_kept = on - ONE_DAY
    try:
        return last_kept.replace(year=last_kept.year - years)
    except ValueError:
        return dt.date(last_kept.year - years, 2, 28)


def _records_of(category: Category, extra: Q | None = None) -> Exists:
    return Exists(category.records().filter(extra or Q(), child=OuterRef("pk")))


def _still_kept(rule: RetentionRule, category: Category, on: dt.date) -> Q:
    """Condition on a person: some part of this rule still keeps their records on ``on``."""
    kept = Q(pk__in=[])
    if rule.until_birthday is not None:
        cutoff = latest_date_keeping(on, rule.until_birthday)
        kept |= Q(date_of_birth__isnull=True) | Q(date_of_birth__gt=cutoff)
    if rule.years_after_opening is not None:
        cutoff = latest_date_keeping(on, rule.years_after_opening)
        kept |= ~_records_of(category, Q(**{f"{category.opened}__lte": cutoff}))
    if rule.years_after_closure is not None:
        cutoff = latest_date_keeping(on, rule.years_after_closure)
        kept |= _records_of(
            category,
            Q(**{f"{category.closed}__isnull": True}) | Q(**{f"{category.closed}__gt": cutoff}),
        )
    if rule.years_after_adoption_order is not None:
        cutoff = latest_date_keeping(on, rule.years_after_adoption_order)
        kept |= _records_of(category, Q(**{f"{ADOPTION_ORDER}__gt": cutoff}))
    return kept


def due_for_review(*, on: dt.date | None = None) -> QuerySet[Person]:
    """People with records whose every category has passed its keep-until date on ``on``
    (today by default). A category with no rule keeps the person off the list."""
    on = on or timezone.localdate()
    rules = {rule.category: rule for rule in RetentionRule.objects.all()}
    has_any = Q(pk__in=[])
    condition = Q()
    for key, category in CATEGORIES.items():
        has = Q(_records_of(category))
        has_any |= has
        rule = rules.get(key)
        condition &= ~has if rule is None else ~(has & _still_kept(rule, category, on))
    return Person.objects.filter(has_any & condition).order_by("date_of_birth", "pk")


def due_for_review_seen_by(user, *, on: dt.date | None = None) -> QuerySet[Person]:
    """Those due for review that ``user`` may see listed: the data protection officer,
    who oversees restricted records, sees everyone; anyone else (a system administrator)
    never sees a restricted record they are not named on."""
    due = due_for_review(on=on)
    if has_permission(user, Permission.VIEW_ACCESS_LOG):
        return due
    return due.exclude(pk__in=restricted_people_hidden_from(user).values("pk"))


@dataclass(frozen=True)
class CategoryDates:
    category: str
    label: str
    opened: dt.date | None
    closed: dt.date | None
    adoption_order: dt.date | None
    keep_until: dt.date | None
    rule: RetentionRule | None


@dataclass(frozen=True)
class ReviewRow:
    person: Person
    categories: list[CategoryDates]

    @property
    def keep_until(self) -> dt.date | None:
        dates = [c.keep_until for c in self.categories]
        return None if None in dates else max(dates, default=None)


def keep_until(
    rule: RetentionRule,
    *,
    born: dt.date | None,
    opened: dt.date | None,
    closed: dt.date | None,
    adoption_order: dt.date | None,
) -> dt.date | None:
    """The date the rule keeps records until; None when a date it needs is not known
    (no date of birth, or a record still open): then the records are kept."""
    parts = (
        (rule.until_birthday, born),
        (rule.years_after_opening, opened),
        (rule.years_after_closure, closed),
        (rule.years_after_adoption_order, adoption_order),
    )
    dates = []
    for years, start in parts:
        if years is None:
            continue
        if start is None:
            return None
        dates.append(add_years(start, years))
    return max(dates, default=None)


def review_rows(people: Iterable[Person]) -> list[ReviewRow]:
    """For each person, the dates behind their keep-until date: one query per category."""
    people = list(people)
    ids = [p.pk for p in people]
    rules = {rule.category: rule for rule in RetentionRule.objects.all()}
    found: dict[int, list[CategoryDates]] = {pk: [] for pk in ids}
    by_pk = {p.pk: p for p in people}
    for key, category in CATEGORIES.items():
        rows = (
            category.records()
            .filter(child_id__in=ids)
            .values_list("child_id", category.opened, category.closed)
        )
        spans: dict[int, tuple[list, list]] = {}
        for child_id, opened, closed in rows:
            starts, ends = spans.setdefault(child_id, ([], []))
            starts.append(opened)
            ends.append(closed)
        for child_id, (starts, ends) in spans.items():
            opened = min((d for d in starts if d), default=None)
            closed = None if None in ends else max(ends, default=None)
            order = closed if key == RecordCategory.ADOPTION else None
            rule = rules.get(key)
            until = rule and keep_until(
                rule,
                born=by_pk[child_id].date_of_birth,
                opened=opened,
                closed=closed,
                adoption_order=order,
            )
            found[child_id].append(
                CategoryDates(
                    key, RecordCategory(key).label, opened, closed, order, until or None, rule
                )
            )
    return [ReviewRow(by_pk[pk], found[pk]) for pk in ids]
