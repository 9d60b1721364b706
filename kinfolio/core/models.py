"""Building blocks shared by every record about a child."""

from django.db import models
from django.db.models import F, Q


def dates_in_order(
    start: str, end: str, name: str, message: str | None = None
) -> models.CheckConstraint:
    """A database rule that an end date, when there is one, is not before its start."""
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=message
        or f"The {end.replace('_', ' ')} cannot be before the {start.replace('_', ' ')}.",
    )


class Recorded(models.Model):
    """When a row was written and last changed (the audit app records who and what)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ChildsVoice(models.Model):
    """The child's own views, a first-class part of every piece of work with them.

    Inspectors repeatedly find the child's views missing (seed 002), so a record either
    holds the views or says why they could not be gathered.
    """

    childs_views = models.TextField(blank=True)
    childs_views_not_recorded_reason = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def childs_views_recorded(self) -> bool:
        return bool(self.childs_views.strip())


class PopulationEstimate(models.Model):
    """The number of children living in the authority, for rates "per 10,000 children".

    Each estimate carries its source: rates are only as honest as their denominator.
    """

    on_date = models.DateField(help_text="The date the estimate describes (e.g. mid-year)")
    age_from = models.PositiveSmallIntegerField()
    age_to = models.PositiveSmallIntegerField(help_text="Inclusive")
    count = models.PositiveIntegerField()
    source = models.TextField()

    class Meta:
        ordering = ["-on_date", "age_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(age_to__gte=F("age_from")), name="population_ages_in_order"
            ),
            models.UniqueConstraint(
                fields=["on_date", "age_from", "age_to"], name="one_estimate_per_date_and_ages"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.count:,} aged {self.age_from}–{self.age_to} on {self.on_date}"
