"""Child protection plans and their core group meetings."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import ChildsVoice, Recorded, Versioned, dates_in_order
from kinfolio.protection.models.conferences import INITIAL, TRANSFER_IN
from kinfolio.referrals.models import within_episode_errors


class CPPlanEndReason(models.TextChoices):
    """Why a child protection plan ended (Kinfolio's list: the DfE collects none)."""

    NO_LONGER_AT_RISK = "no_longer_at_risk", "No longer at risk of significant harm"
    STEPPED_DOWN_CIN = "stepped_down_cin", "Stepped down to a child in need plan"
    LOOKED_AFTER = "looked_after", "Became looked after"
    TRANSFERRED = "transferred", "Transferred to another local authority"
    EIGHTEEN = "eighteen", "Reached 18"
    DIED = "died", "Died"
    OTHER = "other", "Other"


class ChildProtectionPlan(ChildsVoice, Versioned, Recorded):
    """A child protection plan: the multi-agency plan for a child judged to be at
    continuing risk of significant harm, under a category of abuse.

    A plan needs an initial (or transfer-in) conference that decided on it, and starts
    on that conference's date. It lies within a child in need episode. The category
    can change at a review conference (``latest_category``).
    """

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cp_plans")
    cin_episode = models.ForeignKey(
        "referrals.CINEpisode", on_delete=models.PROTECT, related_name="cp_plans"
    )
    initial_conference = models.OneToOneField(
        "protection.ChildProtectionConference",
        on_delete=models.PROTECT,
        related_name="started_plan",
        help_text="The initial or transfer-in conference that decided on the plan",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    initial_category = models.CharField(
        max_length=codesets.CP_CATEGORY_OF_ABUSE.max_length,
        choices=codesets.CP_CATEGORY_OF_ABUSE.choices,
    )
    latest_category = models.CharField(
        max_length=codesets.CP_CATEGORY_OF_ABUSE.max_length,
        choices=codesets.CP_CATEGORY_OF_ABUSE.choices,
    )
    end_reason = models.CharField(max_length=20, choices=CPPlanEndReason.choices, blank=True)

    class Meta:
        verbose_name = "child protection plan"
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["child", "start_date"])]
        constraints = [
            dates_in_order("start_date", "end_date", "cp_plan_dates_in_order"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, end_reason="")
                | Q(end_date__isnull=False) & ~Q(end_reason=""),
                name="cp_plan_end_reason_iff_ended",
                violation_error_message="An ended plan needs a reason, and a current one "
                "cannot have one.",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_cp_plan_per_child",
                violation_error_message="This child already has a current child protection plan.",
            ),
        ]

    def __str__(self) -> str:
        return f"Child protection plan for {self.child} from {self.start_date:%d %b %Y}"

    def clean(self) -> None:
        errors = within_episode_errors(self, start="start_date", end="end_date")
        if self.initial_conference_id and self.child_id:
            conference = self.initial_conference
            if conference.child_id != self.child_id:
                errors["initial_conference"] = "The conference is about a different child."
            elif conference.conference_type not in (INITIAL, TRANSFER_IN):
                errors["initial_conference"] = (
                    "A plan starts at an initial or transfer-in conference."
                )
            elif conference.plan_required is not True:
                errors["initial_conference"] = "That conference did not decide on a plan."
            elif self.start_date and self.start_date != conference.conference_date:
                errors["start_date"] = (
                    "The plan starts on the date of the conference that decided on it."
                )
            elif self.initial_category and self.initial_category != conference.category_of_abuse:
                errors["initial_category"] = (
                    "The initial category is the one the conference decided."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_current(self) -> bool:
        return self.end_date is None


class CoreGroupMeeting(Versioned, Recorded):
    """A meeting of the core group of professionals and family who carry out the plan
    (the first within 10 working days of the initial conference)."""

    plan = models.ForeignKey(
        ChildProtectionPlan, on_delete=models.CASCADE, related_name="core_group_meetings"
    )
    meeting_date = models.DateField()
    attendees = models.TextField(blank=True, help_text="Who took part, and for which agency")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting_date", "pk"]
        indexes = [models.Index(fields=["plan", "meeting_date"])]

    def __str__(self) -> str:
        return f"Core group meeting on {self.meeting_date:%d %b %Y}"

    def clean(self) -> None:
        if (
            self.plan_id
            and self.meeting_date
            and not (
                self.plan.start_date <= self.meeting_date
                and (self.plan.end_date is None or self.meeting_date <= self.plan.end_date)
            )
        ):
            raise ValidationError(
                {"meeting_date": "A core group meeting must be while the plan is in place."}
            )
