"""Strategy discussions and the section 47 enquiries they start."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import Recorded, Versioned, dates_in_order
from kinfolio.referrals.models import within_episode_errors

S47 = "s47"


class StrategyDiscussion(Versioned, Recorded):
    """A strategy discussion (or meeting) between social care, police and health when
    there is reasonable cause to suspect a child is suffering, or likely to suffer,
    significant harm; it decides whether to start a section 47 enquiry.

    A decision *not* to hold one, where the threshold seemed met, is recorded here too
    (``held=False``) with the reason — Ofsted's first recommendation in 2012 was that such
    decisions be recorded and explained.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    cin_episode = models.ForeignKey(
        "referrals.CINEpisode", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    discussion_date = models.DateField()
    held = models.BooleanField(default=True)
    not_held_reason = models.TextField("reason it was not held", blank=True)
    attendee_agencies = models.TextField(
        blank=True, help_text="The agencies that took part, for example police and health"
    )
    decision = models.CharField(
        max_length=codesets.STRATEGY_DECISION.max_length,
        choices=codesets.STRATEGY_DECISION.choices,
        blank=True,
    )
    chair = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="strategy_discussions_chaired",
    )

    class Meta:
        ordering = ["-discussion_date", "-pk"]
        indexes = [models.Index(fields=["child", "discussion_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(held=False) | ~Q(decision=""),
                name="strategy_discussion_held_has_decision",
                violation_error_message="Record the decision of the strategy discussion.",
            ),
            models.CheckConstraint(
                condition=Q(held=True) | Q(decision="") & ~Q(not_held_reason=""),
                name="strategy_discussion_not_held_has_reason",
                violation_error_message="Enter why a strategy discussion was not held (a "
                "discussion that was not held has no decision).",
            ),
        ]

    def __str__(self) -> str:
        what = "Strategy discussion" if self.held else "Decision not to hold a strategy discussion"
        return f"{what} for {self.child} on {self.discussion_date:%d %b %Y}"

    def clean(self) -> None:
        errors = within_episode_errors(self, start="discussion_date")
        if errors:
            raise ValidationError(errors)


class Section47Enquiry(Versioned, Recorded):
    """An enquiry under section 47 of the Children Act 1989 into whether a child is
    suffering, or likely to suffer, significant harm.

    It follows the strategy discussion that decided on it; where none was held the
    reason is recorded instead. ``icpc_due_date`` (15 working days from that strategy
    discussion) is stored by the timescales engine.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="section47_enquiries"
    )
    cin_episode = models.ForeignKey(
        "referrals.CINEpisode", on_delete=models.PROTECT, related_name="section47_enquiries"
    )
    strategy_discussion = models.ForeignKey(
        StrategyDiscussion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="section47_enquiries",
    )
    no_strategy_reason = models.TextField("reason there was no strategy discussion", blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=codesets.S47_OUTCOME.max_length,
        choices=codesets.S47_OUTCOME.choices,
        blank=True,
    )
    icpc_due_date = models.DateField("ICPC due date", null=True, blank=True)
    summary = models.TextField(
        "findings", blank=True, help_text="What the enquiry found, and why it reached its outcome"
    )
    worker = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="section47_enquiries",
    )

    class Meta:
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["child", "start_date"])]
        constraints = [
            dates_in_order("start_date", "end_date", "section47_dates_in_order"),
            models.CheckConstraint(
                condition=Q(strategy_discussion__isnull=False) | ~Q(no_strategy_reason=""),
                name="section47_has_strategy_or_reason",
                violation_error_message="Link the strategy discussion that started the "
                "enquiry, or enter why there was none.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, outcome="")
                | Q(end_date__isnull=False) & ~Q(outcome=""),
                name="section47_outcome_iff_completed",
                violation_error_message="A completed enquiry needs an outcome, and an open "
                "one cannot have one.",
            ),
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry for {self.child} from {self.start_date:%d %b %Y}"

    def clean(self) -> None:
        errors = within_episode_errors(self, start="start_date", end="end_date")
        if self.strategy_discussion_id and self.child_id and self.start_date:
            discussion = self.strategy_discussion
            if discussion.child_id != self.child_id:
                errors["strategy_discussion"] = (
                    "The strategy discussion is about a different child."
                )
            elif not discussion.held or discussion.decision != S47:
                errors["strategy_discussion"] = (
                    "That strategy discussion did not decide on a section 47 enquiry."
                )
            elif self.start_date < discussion.discussion_date:
                errors["start_date"] = "The enquiry cannot start before its strategy discussion."
        if errors:
            raise ValidationError(errors)


class StrategyDiscussionAttendee(Recorded):
    """Someone who took part in a strategy discussion, and the agency they spoke for.

    Working Together 2023 expects at least children's social care, the police and
    health; the service refuses a discussion without all three.
    """

    discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.CASCADE, related_name="attendees"
    )
    name = models.CharField(max_length=200)
    agency = models.CharField(
        max_length=codesets.MEETING_AGENCY.max_length, choices=codesets.MEETING_AGENCY.choices
    )
    role = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["discussion", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"
