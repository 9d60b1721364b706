"""Reviews and health of looked after children: the SSDA903 ``Reviews`` and ``OC2`` data."""

from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.children_in_care.models.base import clean_during_period, clean_while_looked_after
from kinfolio.core.models import ChildsVoice, Recorded


class LACReview(Recorded, ChildsVoice):
    """A statutory review of a looked after child's care plan, chaired by their
    independent reviewing officer (IRO).

    The first is due within 20 working days of becoming looked after, the second within
    3 months, then every 6 months (the service stores the due date from the timescales
    engine). Once held, the review records how the child took part (SSDA903 ``REVIEW``
    and ``REVIEW_CODE``; SSD ``ssd_cla_reviews``) and the child's views or why they
    could not be gathered.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="lac_reviews")
    period = models.ForeignKey(
        "children_in_care.PeriodOfCare", on_delete=models.PROTECT, related_name="reviews"
    )
    due_date = models.DateField()
    review_date = models.DateField("Date of review (REVIEW)", null=True, blank=True)
    participation = models.CharField(
        "Participation (REVIEW_CODE)",
        max_length=codesets.REVIEW_PARTICIPATION.max_length,
        choices=codesets.REVIEW_PARTICIPATION.choices,
        blank=True,
    )
    chair = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_lac_reviews",
        help_text="The independent reviewing officer",
    )

    class Meta:
        verbose_name = "looked after child review"
        ordering = ["child", "due_date"]
        indexes = [
            models.Index(fields=["child", "review_date"], name="lac_review_child_date"),
            models.Index(fields=["child", "due_date"], name="lac_review_child_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_date__isnull=True, participation="")
                | (Q(review_date__isnull=False) & ~Q(participation="")),
                name="lac_review_participation_iff_held",
                violation_error_message="Record how the child took part, and only once the "
                "review has been held.",
            ),
            models.CheckConstraint(
                condition=Q(review_date__isnull=True)
                | ~Q(childs_views="")
                | ~Q(childs_views_not_recorded_reason=""),
                name="lac_review_childs_voice_when_held",
                violation_error_message="Record the child's views, or why they could not be "
                "gathered.",
            ),
        ]

    def __str__(self) -> str:
        held = f"held {self.review_date:%d/%m/%Y}" if self.review_date else "not yet held"
        return f"LAC review due {self.due_date:%d/%m/%Y}, {held}"

    def clean(self) -> None:
        clean_during_period(
            period=self.period if self.period_id else None,
            child_id=self.child_id,
            day=self.review_date,
            field="review_date",
            what="review",
        )


class HealthAssessment(Recorded):
    """A statutory health assessment of a looked after child: the initial assessment in
    time for the first review, then reviews 6-monthly under 5 and yearly from 5
    (SSDA903 OC2 ``HEALTH_CHECK``; SSD ``ssd_cla_health``)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="health_assessments"
    )
    kind = models.CharField(
        max_length=codesets.HEALTH_ASSESSMENT_TYPE.max_length,
        choices=codesets.HEALTH_ASSESSMENT_TYPE.choices,
    )
    due_date = models.DateField(null=True, blank=True)
    assessment_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["child", "due_date"]
        indexes = [
            models.Index(fields=["child", "assessment_date"], name="health_assessment_child_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=False) | Q(assessment_date__isnull=False),
                name="health_assessment_due_or_done",
                violation_error_message="Give the date the health assessment is due or the "
                "date it was done.",
            ),
        ]

    def __str__(self) -> str:
        when = self.assessment_date or self.due_date
        return f"{self.get_kind_display()} ({when:%d/%m/%Y})"

    def clean(self) -> None:
        clean_while_looked_after(
            child_id=self.child_id,
            day=self.assessment_date,
            field="assessment_date",
            what="health assessment",
        )


class DentalCheck(Recorded):
    """A dental check of a looked after child (SSDA903 OC2 ``TEETH_CHECK``)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="dental_checks"
    )
    check_date = models.DateField()

    class Meta:
        ordering = ["child", "check_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "check_date"],
                name="one_dental_check_per_child_per_day",
                violation_error_message="This child already has a dental check on that day.",
            ),
        ]

    def __str__(self) -> str:
        return f"Dental check {self.check_date:%d/%m/%Y}"


class Immunisations(Recorded):
    """Whether a child's immunisations were up to date when checked (SSDA903 OC2
    ``IMMUNISATIONS``; SSD ``ssd_cla_immunisations``)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="immunisation_checks"
    )
    checked_on = models.DateField()
    up_to_date = models.BooleanField()

    class Meta:
        verbose_name = "immunisations check"
        verbose_name_plural = "immunisations checks"
        ordering = ["child", "checked_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "checked_on"],
                name="one_immunisations_check_per_child_per_day",
                violation_error_message="This child's immunisations were already checked on "
                "that day.",
            ),
        ]

    def __str__(self) -> str:
        state = "up to date" if self.up_to_date else "not up to date"
        return f"Immunisations {state} on {self.checked_on:%d/%m/%Y}"


class SDQScore(Recorded):
    """A strengths and difficulties questionnaire: a total score from 0 to 40 (higher
    means more difficulties), or the reason none was completed (SSDA903 OC2
    ``SDQ_SCORE`` / ``SDQ_REASON``; SSD ``ssd_sdq_scores``)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="sdq_scores")
    completed_date = models.DateField()
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    reason_not_completed = models.CharField(
        max_length=codesets.SDQ_REASON.max_length, choices=codesets.SDQ_REASON.choices, blank=True
    )

    class Meta:
        verbose_name = "SDQ score"
        ordering = ["child", "completed_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=40),
                name="sdq_score_0_to_40",
                violation_error_message="An SDQ total score is between 0 and 40.",
            ),
            models.CheckConstraint(
                condition=(Q(score__isnull=False) & Q(reason_not_completed=""))
                | (Q(score__isnull=True) & ~Q(reason_not_completed="")),
                name="sdq_score_or_reason",
                violation_error_message="Give the SDQ score or the reason it was not "
                "completed, not both.",
            ),
            models.UniqueConstraint(
                fields=["child", "completed_date"],
                name="one_sdq_per_child_per_day",
                violation_error_message="This child already has an SDQ on that day.",
            ),
        ]

    def __str__(self) -> str:
        result = self.score if self.score is not None else self.get_reason_not_completed_display()
        return f"SDQ {self.completed_date:%d/%m/%Y}: {result}"
