"""Children missing or away from where they should be, and their return home interviews."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.children_in_care.models.base import clean_during_period
from kinfolio.core.intervals import overlapping_rows
from kinfolio.core.models import Recorded, dates_in_order


class MissingEpisode(Recorded):
    """A time a child was missing (whereabouts unknown) or away from their placement
    without authorisation (whereabouts known), and the return home interview an
    independent person must offer within 72 hours of their return.

    Field names follow the SSDA903 ``Missing`` table (``MISSING``, ``MIS_START``,
    ``MIS_END``) and the SSD ``ssd_missing`` table. A child in need who is not looked
    after can go missing too, so the period of care is optional.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="missing_episodes"
    )
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="missing_episodes",
    )
    missing_type = models.CharField(
        "Missing or away (MISSING)",
        max_length=codesets.MISSING_TYPE.max_length,
        choices=codesets.MISSING_TYPE.choices,
    )
    start_date = models.DateField("Start of missing episode (MIS_START)")
    end_date = models.DateField("End of missing episode (MIS_END)", null=True, blank=True)
    return_interview_due_date = models.DateField(null=True, blank=True)
    return_interview_offered_on = models.DateField(null=True, blank=True)
    return_interview_accepted = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="missing_child_start")]
        constraints = [
            dates_in_order("start_date", "end_date", "missing_episode_dates_in_order"),
            dates_in_order(
                "end_date",
                "return_interview_offered_on",
                "return_interview_offered_after_return",
                "The return home interview cannot be offered before the child returned.",
            ),
            dates_in_order(
                "end_date",
                "return_interview_due_date",
                "return_interview_due_after_return",
                "The return home interview cannot be due before the child returned.",
            ),
            models.CheckConstraint(
                condition=Q(return_interview_offered_on__isnull=True) | Q(end_date__isnull=False),
                name="return_interview_offered_once_returned",
                violation_error_message="A return home interview is offered once the child "
                "has returned.",
            ),
            models.CheckConstraint(
                condition=Q(return_interview_accepted__isnull=True)
                | Q(return_interview_offered_on__isnull=False),
                name="return_interview_accepted_once_offered",
                violation_error_message="Record whether the interview was accepted only once "
                "it has been offered.",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_missing_episode_per_child",
                violation_error_message="This child is already recorded as missing or away.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_missing_type_display().split(':')[0]} from {self.start_date:%d/%m/%Y}"

    def clean(self) -> None:
        clean_during_period(
            period=self.period if self.period_id else None,
            child_id=self.child_id,
            day=self.start_date,
            field="start_date",
            what="missing episode",
        )
        if self.child_id is None or self.start_date is None:
            return
        rows = MissingEpisode.objects.filter(child_id=self.child_id)
        if overlapping_rows(
            rows, start=self.start_date, end=self.end_date, exclude_pk=self.pk
        ).exists():
            raise ValidationError("This overlaps another missing episode of the same child.")
