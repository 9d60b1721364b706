"""Referrals, the child in need episodes they open, and child in need plans.

Field names follow the D2I Standard Safeguarding Dataset (``ssd_cin_episodes``) and the
DfE children in need census, so that the census and Annex A lists read straight off
these tables.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.intervals import overlapping_rows
from kinfolio.core.models import ChildsVoice, Recorded, Versioned, dates_in_order
from kinfolio.front_door.models import received_on

REFERRAL = "referral"  # the contact outcome that opens a referral


class CINEpisode(Versioned, Recorded):
    """A referral and the child in need episode it opens.

    A referral is accepted by children's social care for assessment; it starts an
    episode that lasts until the case closes with a reason (RC1–RC9). A child can have
    several episodes over the years but only one open at a time, and episodes never
    overlap. A referral that leads to no further action (``nfa``) still opens, and
    closes, an episode — the census counts it.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cin_episodes"
    )
    contact = models.OneToOneField(
        "front_door.Contact",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referral",
        help_text="The contact this referral came from",
    )
    referral_date = models.DateField()
    referral_source = models.CharField(
        max_length=codesets.REFERRAL_SOURCE.max_length, choices=codesets.REFERRAL_SOURCE.choices
    )
    primary_need = models.CharField(
        "primary need",
        max_length=codesets.CATEGORY_OF_NEED.max_length,
        choices=codesets.CATEGORY_OF_NEED.choices,
        blank=True,
    )
    nfa = models.BooleanField("referral no further action", default=False)
    close_date = models.DateField(null=True, blank=True)
    close_reason = models.CharField(
        max_length=codesets.CIN_CLOSURE_REASON.max_length,
        choices=codesets.CIN_CLOSURE_REASON.choices,
        blank=True,
    )
    team = models.ForeignKey(
        "workforce.Team", on_delete=models.PROTECT, related_name="cin_episodes"
    )
    worker = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cin_episodes",
    )

    class Meta:
        verbose_name = "child in need episode"
        ordering = ["-referral_date", "-pk"]
        indexes = [
            models.Index(fields=["child", "referral_date"]),
            models.Index(fields=["referral_date"]),
        ]
        constraints = [
            dates_in_order("referral_date", "close_date", "cin_episode_dates_in_order"),
            models.CheckConstraint(
                condition=Q(close_date__isnull=True, close_reason="")
                | Q(close_date__isnull=False) & ~Q(close_reason=""),
                name="cin_episode_close_reason_iff_closed",
                violation_error_message="A closed episode needs a closure reason, and an "
                "open one cannot have one.",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(close_date__isnull=True),
                name="one_open_cin_episode_per_child",
                violation_error_message="This child already has an open child in need episode.",
            ),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.child} on {self.referral_date:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.close_date is None

    def clean(self) -> None:
        errors = {}
        if self.contact_id and self.child_id:
            if self.contact.child_id != self.child_id:
                errors["contact"] = "The contact is about a different child."
            elif self.contact.decision != REFERRAL:
                errors["contact"] = "That contact was not decided as a referral."
            elif self.referral_date and self.referral_date < received_on(self.contact):
                errors["referral_date"] = "The referral cannot be before its contact."
        if (
            self.child_id
            and self.referral_date
            and (not self.close_date or self.close_date >= self.referral_date)
        ):
            others = CINEpisode.objects.filter(child_id=self.child_id).exclude(pk=self.pk)
            if overlapping_rows(
                others,
                start_field="referral_date",
                end_field="close_date",
                start=self.referral_date,
                end=self.close_date,
            ).exists():
                errors["referral_date"] = (
                    "This episode overlaps another child in need episode for this child."
                )
        if errors:
            raise ValidationError(errors)

    def contains(self, start: date, end: date | None) -> bool:
        """Whether a period [start, end] lies within this episode."""
        if start < self.referral_date:
            return False
        if self.close_date is None:
            return True
        return start <= self.close_date and end is not None and end <= self.close_date


def within_episode_errors(record, *, start: str, end: str | None = None) -> dict[str, str]:
    """Errors for a record (with ``child`` and ``cin_episode``) lying outside its episode."""
    if not (record.cin_episode_id and record.child_id and getattr(record, start)):
        return {}
    episode = record.cin_episode
    if episode.child_id != record.child_id:
        return {"cin_episode": "The child in need episode is for a different child."}
    begins = getattr(record, start)
    ends = getattr(record, end) if end else begins
    if begins < episode.referral_date:
        return {start: "This cannot be before the referral date."}
    if not episode.contains(begins, ends):
        return {end or start: "This must end by the date the child in need episode closed."}
    return {}


class CINPlan(ChildsVoice, Versioned, Recorded):
    """A child in need plan: the help agreed with the family under section 17.

    It lies within one child in need episode, is reviewed regularly, and a child has at
    most one plan at a time.
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cin_plans")
    cin_episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="cin_plans")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    team = models.ForeignKey("workforce.Team", on_delete=models.PROTECT, related_name="cin_plans")
    worker = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cin_plans",
    )
    end_reason = models.CharField(
        "why the plan ended",
        max_length=codesets.CIN_PLAN_END_REASON.max_length,
        choices=codesets.CIN_PLAN_END_REASON.choices,
        blank=True,
    )

    class Meta:
        verbose_name = "child in need plan"
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["child", "start_date"])]
        constraints = [
            dates_in_order("start_date", "end_date", "cin_plan_dates_in_order"),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_cin_plan_per_child",
                violation_error_message="This child already has a current child in need plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"Child in need plan for {self.child} from {self.start_date:%d %b %Y}"

    def clean(self) -> None:
        errors = within_episode_errors(self, start="start_date", end="end_date")
        if (
            not errors
            and self.child_id
            and self.start_date
            and (not self.end_date or self.end_date >= self.start_date)
        ):
            others = CINPlan.objects.filter(child_id=self.child_id).exclude(pk=self.pk)
            if overlapping_rows(others, start=self.start_date, end=self.end_date).exists():
                errors["start_date"] = "This plan overlaps another child in need plan."
        if errors:
            raise ValidationError(errors)


class CINPlanReview(ChildsVoice, Versioned, Recorded):
    """A review of a child in need plan with the family and the professionals, with
    the child's views on how the plan is going."""

    plan = models.ForeignKey(CINPlan, on_delete=models.CASCADE, related_name="reviews")
    review_date = models.DateField()
    notes = models.TextField(blank=True)

    class Meta:
        verbose_name = "child in need plan review"
        ordering = ["review_date", "pk"]
        indexes = [models.Index(fields=["plan", "review_date"])]

    def __str__(self) -> str:
        return f"Review of {self.plan} on {self.review_date:%d %b %Y}"

    def clean(self) -> None:
        if (
            self.plan_id
            and self.review_date
            and not (
                self.plan.start_date <= self.review_date
                and (self.plan.end_date is None or self.review_date <= self.plan.end_date)
            )
        ):
            raise ValidationError({"review_date": "The review must be while the plan is open."})
