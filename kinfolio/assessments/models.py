"""Child and family assessments and the factors identified in them (CIN census)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import ChildsVoice, Recorded, Versioned, dates_in_order
from kinfolio.referrals.models import within_episode_errors

NO_OUTCOME = Q(
    outcome_nfa=False,
    outcome_cin_plan=False,
    outcome_strategy_discussion=False,
    outcome_other=False,
)


class Assessment(ChildsVoice, Versioned, Recorded):
    """A child and family assessment within a child in need episode.

    Working Together 2023 expects it to be authorised within 45 working days of the
    referral; the timescales engine stores that ``due_date`` when the assessment starts.
    The child must be seen (and, where possible, seen alone) and their views recorded.
    Its outcome is known once a manager authorises it: no further action, a child in
    need plan, a strategy discussion, or something else. ``authorised_date`` is the
    census's assessment authorisation date (SSD ``cina_assessment_auth_date``).
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="assessments")
    cin_episode = models.ForeignKey(
        "referrals.CINEpisode", on_delete=models.PROTECT, related_name="assessments"
    )
    start_date = models.DateField()
    due_date = models.DateField(null=True, blank=True)
    worker = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
    )
    child_seen = models.BooleanField(default=False)
    child_seen_alone = models.BooleanField(default=False)
    child_seen_date = models.DateField("date the child was seen", null=True, blank=True)
    analysis = models.TextField(
        blank=True, help_text="What the information means for the child: risks, strengths, needs"
    )
    submitted_at = models.DateTimeField(
        "sent for manager authorisation at",
        null=True,
        blank=True,
        help_text="Set when the worker sends the assessment for sign-off; cleared if returned",
    )
    returned_reason = models.TextField(
        "what the manager asked to change",
        blank=True,
        help_text="Why the manager returned it to the worker (not yet authorised)",
    )
    authorised_date = models.DateField("authorised (completed) date", null=True, blank=True)
    outcome_nfa = models.BooleanField("outcome: no further action", default=False)
    outcome_cin_plan = models.BooleanField("outcome: child in need plan", default=False)
    outcome_strategy_discussion = models.BooleanField("outcome: strategy discussion", default=False)
    outcome_other = models.BooleanField("outcome: other", default=False)
    outcome_other_detail = models.TextField(blank=True)
    signed_off_by = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_off_assessments",
    )
    signed_off_at = models.DateTimeField("manager sign-off date and time", null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["child", "start_date"]),
            models.Index(
                fields=["due_date"],
                condition=Q(authorised_date__isnull=True),
                name="assessment_open_by_due_date",
            ),
            models.Index(
                fields=["submitted_at"],
                condition=Q(authorised_date__isnull=True, submitted_at__isnull=False),
                name="assessment_awaiting_sign_off",
            ),
        ]
        constraints = [
            dates_in_order("start_date", "authorised_date", "assessment_dates_in_order"),
            dates_in_order("start_date", "due_date", "assessment_due_after_start"),
            models.CheckConstraint(
                condition=Q(child_seen_alone=False) | Q(child_seen=True),
                name="assessment_seen_alone_means_seen",
                violation_error_message="A child seen alone must also be recorded as seen.",
            ),
            models.CheckConstraint(
                condition=Q(authorised_date__isnull=False) | NO_OUTCOME,
                name="assessment_outcome_only_when_authorised",
                violation_error_message="An assessment has no outcome until it is authorised.",
            ),
            models.CheckConstraint(
                condition=Q(authorised_date__isnull=True) | ~NO_OUTCOME,
                name="assessment_authorised_has_outcome",
                violation_error_message="Record the outcome of the authorised assessment.",
            ),
            models.CheckConstraint(
                condition=Q(outcome_nfa=False)
                | Q(outcome_cin_plan=False, outcome_strategy_discussion=False),
                name="assessment_nfa_alone",
                violation_error_message="No further action cannot be combined with a child "
                "in need plan or a strategy discussion.",
            ),
            models.CheckConstraint(
                condition=Q(outcome_other=False) | ~Q(outcome_other_detail=""),
                name="assessment_other_outcome_described",
                violation_error_message="Describe the other outcome.",
            ),
            models.CheckConstraint(
                condition=Q(signed_off_by__isnull=True, signed_off_at__isnull=True)
                | Q(
                    signed_off_by__isnull=False,
                    signed_off_at__isnull=False,
                    authorised_date__isnull=False,
                ),
                name="assessment_sign_off_complete",
                violation_error_message="A manager signs off an authorised assessment: record "
                "who signed it off and when.",
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment of {self.child} from {self.start_date:%d %b %Y}"

    def clean(self) -> None:
        errors = within_episode_errors(self, start="start_date")
        if errors:
            raise ValidationError(errors)

    @property
    def outcomes(self) -> list[str]:
        names = [
            ("outcome_nfa", "No further action"),
            ("outcome_cin_plan", "Child in need plan"),
            ("outcome_strategy_discussion", "Strategy discussion"),
            ("outcome_other", "Other"),
        ]
        return [label for field, label in names if getattr(self, field)]


class AssessmentFactor(Recorded):
    """A factor identified at the end of an assessment (CIN census codes, e.g. 3A, 4B)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="factors")
    factor = models.CharField(
        max_length=codesets.ASSESSMENT_FACTORS.max_length,
        choices=codesets.ASSESSMENT_FACTORS.choices,
    )

    class Meta:
        ordering = ["assessment", "factor"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "factor"],
                name="unique_assessment_factor",
                violation_error_message="This factor is already recorded for the assessment.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.factor}: {codesets.ASSESSMENT_FACTORS.label(self.factor)}"
