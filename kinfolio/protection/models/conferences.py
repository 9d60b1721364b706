"""Child protection conferences: initial, review and transfer-in."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from kinfolio import codesets
from kinfolio.core.models import ChildsVoice, Recorded, Versioned

INITIAL, REVIEW, TRANSFER_IN = "initial", "review", "transfer_in"


class ChildProtectionConference(ChildsVoice, Versioned, Recorded):
    """A child protection conference, chaired independently, deciding whether the child
    needs a child protection plan and under which category of abuse.

    An *initial* conference (ICPC) follows a section 47 enquiry; a *review* conference
    reviews a child protection plan; a *transfer-in* conference takes on a plan made by
    another authority. The family must be invited, and see the reports, in good time,
    and the minutes go out promptly afterwards — Ofsted (2012) criticised all three — so
    each date is recorded. ``due_date`` is stored by the timescales engine.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cp_conferences"
    )
    conference_type = models.CharField(
        max_length=codesets.CONFERENCE_TYPE.max_length, choices=codesets.CONFERENCE_TYPE.choices
    )
    section47 = models.ForeignKey(
        "protection.Section47Enquiry",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferences",
        verbose_name="section 47 enquiry",
    )
    cp_plan = models.ForeignKey(
        "protection.ChildProtectionPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="review_conferences",
        verbose_name="child protection plan reviewed",
    )
    due_date = models.DateField(null=True, blank=True)
    conference_date = models.DateField()
    delay_reason = models.TextField("why the conference is later than its due date", blank=True)
    invitations_sent_on = models.DateField(null=True, blank=True)
    reports_shared_on = models.DateField("reports shared with the family on", null=True, blank=True)
    minutes_distributed_on = models.DateField(null=True, blank=True)
    chair = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cp_conferences_chaired",
    )
    child_attended = models.BooleanField(default=False)
    plan_required = models.BooleanField(
        null=True, blank=True, help_text="The conference's decision; blank until it is held"
    )
    category_of_abuse = models.CharField(
        max_length=codesets.CP_CATEGORY_OF_ABUSE.max_length,
        choices=codesets.CP_CATEGORY_OF_ABUSE.choices,
        blank=True,
    )

    class Meta:
        verbose_name = "child protection conference"
        ordering = ["-conference_date", "-pk"]
        indexes = [models.Index(fields=["child", "conference_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(conference_type=INITIAL, section47__isnull=False, cp_plan__isnull=True)
                | Q(conference_type=REVIEW, section47__isnull=True, cp_plan__isnull=False)
                | Q(conference_type=TRANSFER_IN, section47__isnull=True, cp_plan__isnull=True),
                name="cp_conference_links_match_type",
                violation_error_message="An initial conference follows a section 47 enquiry, "
                "a review conference reviews a child protection plan, and a transfer-in "
                "conference has neither.",
            ),
            models.CheckConstraint(
                condition=Q(plan_required=True) & ~Q(category_of_abuse="")
                | ~Q(plan_required=True) & Q(category_of_abuse="")
                | Q(plan_required__isnull=True, category_of_abuse=""),
                name="cp_conference_category_iff_plan",
                violation_error_message="Record a category of abuse when, and only when, "
                "the conference decides the child needs a plan.",
            ),
            models.CheckConstraint(
                condition=Q(invitations_sent_on__isnull=True)
                | Q(invitations_sent_on__lte=F("conference_date")),
                name="cp_conference_invitations_before",
                violation_error_message="Invitations cannot be sent after the conference.",
            ),
            models.CheckConstraint(
                condition=Q(reports_shared_on__isnull=True)
                | Q(reports_shared_on__lte=F("conference_date")),
                name="cp_conference_reports_before",
                violation_error_message="Reports cannot be shared after the conference.",
            ),
            models.CheckConstraint(
                condition=Q(minutes_distributed_on__isnull=True)
                | Q(minutes_distributed_on__gte=F("conference_date")),
                name="cp_conference_minutes_after",
                violation_error_message="Minutes cannot be distributed before the conference.",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_conference_type_display()} for {self.child} on "
            f"{self.conference_date:%d %b %Y}"
        )

    def clean(self) -> None:
        errors = {}
        if self.section47_id and self.child_id and self.conference_date:
            enquiry = self.section47
            if enquiry.child_id != self.child_id:
                errors["section47"] = "The section 47 enquiry is about a different child."
            elif self.conference_date < enquiry.start_date:
                errors["conference_date"] = (
                    "An initial conference cannot be before its section 47 enquiry started."
                )
        if self.cp_plan_id and self.child_id and self.conference_date:
            plan = self.cp_plan
            if plan.child_id != self.child_id:
                errors["cp_plan"] = "The child protection plan is for a different child."
            elif not (
                plan.start_date < self.conference_date
                and (plan.end_date is None or self.conference_date <= plan.end_date)
            ):
                errors["conference_date"] = (
                    "A review conference must be while the plan is in place."
                )
        if errors:
            raise ValidationError(errors)


class ConferenceInvitee(Recorded):
    """Someone invited to a conference: when the invitation went out, whether it went
    out in time (the configured lead time, checked by the timescales engine when it is
    sent: Ofsted, 2012, found late invitations), whether they came and sent a report.
    """

    conference = models.ForeignKey(
        ChildProtectionConference, on_delete=models.CASCADE, related_name="invitees"
    )
    name = models.CharField(max_length=200)
    agency = models.CharField(
        max_length=codesets.MEETING_AGENCY.max_length, choices=codesets.MEETING_AGENCY.choices
    )
    invited_on = models.DateField("invitation sent on")
    invite_due_by = models.DateField("invitation due by", null=True, blank=True)
    invited_late = models.BooleanField(default=False)
    attended = models.BooleanField(null=True, blank=True)
    report_received_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["conference", "pk"]
        indexes = [models.Index(fields=["conference", "invited_late"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_agency_display()})"
