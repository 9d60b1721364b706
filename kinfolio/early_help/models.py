"""Early help: support for a family before, or instead of, statutory social care."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.intervals import overlapping_rows
from kinfolio.core.models import ChildsVoice, Recorded, Versioned, dates_in_order


class EarlyHelpEpisode(ChildsVoice, Versioned, Recorded):
    """A period of early help for a child, led by a lead practitioner with a team around
    the family (``FamilyTeamMember``), usually after an early help assessment (EHA):
    its date, what it found and the child's voice are held here.

    An episode can *step up* to social care (it then links to the referral it became)
    or be a *step down* from a closed child in need episode, when a step-down plan must
    say what will carry on and who holds it — Ofsted (2012) found step-downs "not robust".
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="early_help_episodes"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    lead_practitioner = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="early_help_episodes",
    )
    team = models.ForeignKey(
        "workforce.Team", on_delete=models.PROTECT, related_name="early_help_episodes"
    )
    assessment_date = models.DateField("early help assessment date", null=True, blank=True)
    assessment_summary = models.TextField(
        "what the early help assessment found", blank=True, help_text="Needs and strengths"
    )
    closure_reason = models.CharField(
        max_length=codesets.EARLY_HELP_CLOSURE_REASON.max_length,
        choices=codesets.EARLY_HELP_CLOSURE_REASON.choices,
        blank=True,
    )
    stepped_up_to = models.ForeignKey(
        "referrals.CINEpisode",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stepped_up_from_early_help",
        help_text="The referral to social care this episode stepped up to",
    )
    stepped_down_from = models.ForeignKey(
        "referrals.CINEpisode",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stepped_down_to_early_help",
        help_text="The child in need episode this episode took over from",
    )
    step_down_plan = models.TextField(
        blank=True, help_text="What carries on from social care's plan, and who holds it"
    )

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["child", "start_date"])]
        constraints = [
            dates_in_order("start_date", "end_date", "early_help_dates_in_order"),
            dates_in_order("start_date", "assessment_date", "early_help_assessment_in_order"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, closure_reason="")
                | Q(end_date__isnull=False) & ~Q(closure_reason=""),
                name="early_help_closure_reason_iff_closed",
                violation_error_message="A closed early help episode needs a closure "
                "reason, and an open one cannot have one.",
            ),
            models.CheckConstraint(
                condition=Q(stepped_down_from__isnull=True) | ~Q(step_down_plan=""),
                name="early_help_step_down_has_plan",
                violation_error_message="Enter the step-down plan.",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_early_help_episode_per_child",
                violation_error_message="This child already has an open early help episode.",
            ),
        ]

    def __str__(self) -> str:
        return f"Early help for {self.child} from {self.start_date:%d %b %Y}"

    def clean(self) -> None:
        errors = {}
        if self.stepped_up_to_id and self.child_id:
            referral = self.stepped_up_to
            if referral.child_id != self.child_id:
                errors["stepped_up_to"] = "The referral is for a different child."
            elif self.start_date and referral.referral_date < self.start_date:
                errors["stepped_up_to"] = (
                    "An episode can only step up to a referral made after it started."
                )
        if self.stepped_down_from_id and self.child_id:
            episode = self.stepped_down_from
            if episode.child_id != self.child_id:
                errors["stepped_down_from"] = "The child in need episode is for a different child."
            elif self.start_date and self.start_date < episode.referral_date:
                errors["stepped_down_from"] = (
                    "Early help cannot start before the child in need episode it stepped down from."
                )
        if (
            not errors
            and self.child_id
            and self.start_date
            and (not self.end_date or self.end_date >= self.start_date)
        ):
            others = EarlyHelpEpisode.objects.filter(child_id=self.child_id).exclude(pk=self.pk)
            if overlapping_rows(others, start=self.start_date, end=self.end_date).exists():
                errors["start_date"] = "This overlaps another early help episode."
        if errors:
            raise ValidationError(errors)


class FamilyTeamMember(Recorded):
    """A member of the team around the family (TAF): a practitioner from an agency who
    works with the family under the early help plan, beside the lead practitioner."""

    episode = models.ForeignKey(
        EarlyHelpEpisode, on_delete=models.CASCADE, related_name="team_members"
    )
    name = models.CharField(max_length=200)
    agency = models.CharField(
        max_length=codesets.MEETING_AGENCY.max_length, choices=codesets.MEETING_AGENCY.choices
    )
    role = models.CharField(max_length=200, blank=True, help_text="For example, school nurse")
    joined_on = models.DateField()

    class Meta:
        ordering = ["joined_on", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"


class EarlyHelpReview(ChildsVoice, Recorded):
    """A review of the early help plan by the team around the family, with the child's
    voice."""

    episode = models.ForeignKey(EarlyHelpEpisode, on_delete=models.CASCADE, related_name="reviews")
    review_date = models.DateField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["review_date", "pk"]
        indexes = [models.Index(fields=["episode", "review_date"])]

    def __str__(self) -> str:
        return f"Early help review on {self.review_date:%d %b %Y}"

    def clean(self) -> None:
        if (
            self.episode_id
            and self.review_date
            and not (
                self.episode.start_date <= self.review_date
                and (self.episode.end_date is None or self.review_date <= self.episode.end_date)
            )
        ):
            raise ValidationError(
                {"review_date": "The review must be while the early help episode is open."}
            )
