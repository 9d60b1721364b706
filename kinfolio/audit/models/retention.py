"""How long each kind of children's social care record is kept: rules held as data."""

from django.db import models
from django.db.models import Q

from kinfolio.core.models import Recorded


class RecordCategory(models.TextChoices):
    """The kinds of involvement a retention schedule distinguishes. Which records make up
    each category is decided in ``audit.retention.CATEGORIES``."""

    CHILD_PROTECTION = "child_protection", "Child protection"
    LOOKED_AFTER = "looked_after", "Looked after"
    ADOPTION = "adoption", "Adoption"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    EARLY_HELP = "early_help", "Early help"
    CONTACT_ONLY = "contact_only", "Contact only"


class RetentionRule(Recorded):
    """How long the council keeps one category of a person's records.

    The record is kept until the *latest* of the dates the rule names: a birthday
    (``until_birthday``), a number of years after the category's first record was
    opened, after its last record was closed, or after the adoption order. When that
    date has passed the person's record is listed for review by the records manager;
    Kinfolio never deletes anything because of a rule. ``source`` says where the period
    comes from, so a rule nobody can cite is visible as such.
    """

    category = models.CharField(max_length=20, choices=RecordCategory.choices, unique=True)
    until_birthday = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Keep until this birthday, for example 25 or 75"
    )
    years_after_opening = models.PositiveSmallIntegerField(null=True, blank=True)
    years_after_closure = models.PositiveSmallIntegerField(null=True, blank=True)
    years_after_adoption_order = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.TextField(help_text="The regulation or local policy the period comes from")

    class Meta:
        ordering = ["category"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until_birthday__isnull=False)
                | Q(years_after_opening__isnull=False)
                | Q(years_after_closure__isnull=False)
                | Q(years_after_adoption_order__isnull=False),
                name="retention_rule_names_a_period",
                violation_error_message="Enter at least one period to keep the records for.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.describe()}"

    def describe(self) -> str:
        """The rule as a person reads it: "until the 25th birthday or 6 years after closure,
        whichever is later"."""
        parts = []
        if self.until_birthday is not None:
            parts.append(f"until the {_ordinal(self.until_birthday)} birthday")
        for years, anchor in (
            (self.years_after_opening, "the first record was opened"),
            (self.years_after_closure, "the last record was closed"),
            (self.years_after_adoption_order, "the adoption order"),
        ):
            if years is not None:
                parts.append(f"{years} years after {anchor}")
        text = " or ".join(parts)
        return f"{text}, whichever is later" if len(parts) > 1 else text


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
