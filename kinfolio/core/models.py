"""Building blocks shared by every record about a child."""

from django.db import models
from django.db.models import F, Q

from kinfolio.codesets.local import CHILDS_VOICE_NOT_RECORDED


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


class VoiceStatus(models.TextChoices):
    """Whether a record holds the child's voice: what the performance pages count."""

    RECORDED = "recorded", "Child's views recorded"
    NOT_RECORDED_WITH_REASON = "not_recorded_with_reason", "Not recorded, with a reason"
    MISSING = "missing", "Missing"


class ChildsVoice(models.Model):
    """The child's own views, a first-class part of every piece of work with them.

    Inspectors repeatedly found the child's views missing (Ofsted, 2012), so a record
    either holds the views in the child's words, or says why they could not be
    gathered: a reason from a code list and an explanation. Services check it with
    ``kinfolio.core.voice.validate_childs_voice``; ``voice_status`` and
    ``kinfolio.core.voice.voice_status_counts`` say which of the three a record is.
    """

    childs_views = models.TextField(
        "The child's views", blank=True, help_text="In the child's own words where possible"
    )
    childs_views_not_recorded_code = models.CharField(
        "Why the child's views are not recorded",
        max_length=30,
        blank=True,
        choices=CHILDS_VOICE_NOT_RECORDED.choices,
    )
    childs_views_not_recorded_reason = models.TextField(
        "Explain why the child's views are not recorded", blank=True
    )

    class Meta:
        abstract = True

    @property
    def childs_views_recorded(self) -> bool:
        return bool(self.childs_views.strip())

    @property
    def voice_status(self) -> VoiceStatus:
        if self.childs_views_recorded:
            return VoiceStatus.RECORDED
        if self.childs_views_not_recorded_code and self.childs_views_not_recorded_reason.strip():
            return VoiceStatus.NOT_RECORDED_WITH_REASON
        return VoiceStatus.MISSING


class Versioned(models.Model):
    """A record people edit: its version guards against one save silently undoing another.

    A form carries the version it was opened at; the service calls
    ``kinfolio.core.versions.check_version`` before changing the record, which refuses
    (``StaleRecord``) when someone saved a newer version meanwhile, then bumps it.
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


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
