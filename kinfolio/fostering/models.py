"""Fostering: the authority's and agencies' foster households, and private fostering."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from kinfolio import codesets
from kinfolio.core.intervals import overlapping_rows
from kinfolio.core.models import Recorded, Versioned, dates_in_order


class HouseholdStatus(models.TextChoices):
    """Where a foster household stands with the fostering service (Kinfolio's own list)."""

    IN_ASSESSMENT = "in_assessment", "Being assessed"
    APPROVED = "approved", "Approved"
    ON_HOLD = "on_hold", "Approved, on hold"
    DEREGISTERED = "deregistered", "Deregistered"
    CLOSED = "closed", "Enquiry closed"


class EnquiryClosure(models.TextChoices):
    """Why an enquiry to foster ended before approval (Kinfolio's own list)."""

    WITHDRAWN = "withdrawn", "Withdrawn by the applicants"
    NOT_PROGRESSED = "not_progressed", "Not progressed by the fostering service"


class FosterHousehold(Versioned, Recorded):
    """A fostering household: one or two approved foster carers at one address.

    The fostering panel recommends approval and the agency decision maker approves the
    household for a number of children (places) in an age range; an annual review
    confirms the approval. A household placed with children only while approved; when it
    leaves fostering it is deregistered. Connected persons (family and friends, "kinship")
    carers are SSDA903 placement types U1 to U3; other foster carers are U4 to U6.
    """

    reference = models.CharField(max_length=20, unique=True)
    carers = models.CharField("Foster carers' names", max_length=200)
    in_house = models.BooleanField(
        default=True, help_text="Approved by the authority rather than an independent agency"
    )
    connected_persons = models.BooleanField(
        "Connected persons (family and friends) carers", default=False
    )
    status = models.CharField(
        max_length=20, choices=HouseholdStatus.choices, default=HouseholdStatus.IN_ASSESSMENT
    )
    approval_date = models.DateField(null=True, blank=True)
    deregistered_on = models.DateField(null=True, blank=True)
    approved_places = models.PositiveSmallIntegerField(default=0)
    age_from = models.PositiveSmallIntegerField("Approved from age", default=0)
    age_to = models.PositiveSmallIntegerField("Approved up to age", default=17)
    postcode = models.CharField(max_length=8, blank=True)
    enquiry_date = models.DateField("Date of the enquiry", null=True, blank=True)
    assessment_started_on = models.DateField("Assessment started", null=True, blank=True)
    panel_date = models.DateField("Date of the fostering panel", null=True, blank=True)
    needs_met = models.JSONField(
        "Children's needs the household is approved to meet",
        default=list,
        blank=True,
        help_text="Codes from the placement needs list (kinfolio.codesets.PLACEMENT_NEED)",
    )
    fostering_agency = models.ForeignKey(
        "children_in_care.PlacementProvider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="foster_households",
        help_text="The independent fostering agency that approved the household",
    )
    deregistration_reason = models.CharField(
        max_length=codesets.DEREGISTRATION_REASON.max_length,
        choices=codesets.DEREGISTRATION_REASON.choices,
        blank=True,
    )
    closed_on = models.DateField("Date the enquiry closed", null=True, blank=True)
    closure_reason = models.CharField(
        "Why the enquiry closed", max_length=14, choices=EnquiryClosure.choices, blank=True
    )
    closure_detail = models.TextField("What happened", blank=True)

    class Meta:
        ordering = ["reference"]
        indexes = [models.Index(fields=["status"], name="foster_household_status")]
        constraints = [
            dates_in_order(
                "enquiry_date",
                "assessment_started_on",
                "foster_household_assessed_after_enquiry",
                "The assessment cannot start before the enquiry.",
            ),
            dates_in_order(
                "assessment_started_on",
                "panel_date",
                "foster_household_panel_after_assessment",
                "The panel cannot be before the assessment started.",
            ),
            dates_in_order(
                "panel_date",
                "approval_date",
                "foster_household_approved_after_panel",
                "The household cannot be approved before the panel.",
            ),
            models.CheckConstraint(
                condition=Q(in_house=True, fostering_agency__isnull=True) | Q(in_house=False),
                name="foster_household_agency_only_for_agency_carers",
                violation_error_message="Only an agency's household names a fostering agency.",
            ),
            dates_in_order(
                "approval_date",
                "deregistered_on",
                "foster_household_dates_in_order",
                "A household cannot be deregistered before it was approved.",
            ),
            models.CheckConstraint(
                condition=Q(
                    status=HouseholdStatus.IN_ASSESSMENT,
                    approval_date__isnull=True,
                    deregistered_on__isnull=True,
                    approved_places=0,
                    closed_on__isnull=True,
                )
                | Q(
                    status__in=[HouseholdStatus.APPROVED, HouseholdStatus.ON_HOLD],
                    approval_date__isnull=False,
                    deregistered_on__isnull=True,
                    approved_places__gte=1,
                    closed_on__isnull=True,
                )
                | Q(
                    status=HouseholdStatus.DEREGISTERED,
                    approval_date__isnull=False,
                    deregistered_on__isnull=False,
                    closed_on__isnull=True,
                )
                | Q(
                    status=HouseholdStatus.CLOSED,
                    approval_date__isnull=True,
                    deregistered_on__isnull=True,
                    approved_places=0,
                    closed_on__isnull=False,
                    closure_reason__in=EnquiryClosure.values,
                ),
                name="foster_household_status_matches_dates",
                violation_error_message="An approved household has an approval date and at "
                "least one place; a deregistered one also has a deregistration date; one being "
                "assessed has neither; a closed enquiry has the day it closed and why, and was "
                "never approved.",
            ),
            dates_in_order(
                "enquiry_date",
                "closed_on",
                "foster_household_closed_after_enquiry",
                "An enquiry cannot close before it was made.",
            ),
            models.CheckConstraint(
                condition=Q(age_from__lte=F("age_to"), age_to__lte=17),
                name="foster_household_age_range",
                violation_error_message="The approved age range runs from a younger to an "
                "older age, up to 17.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.carers})"

    @property
    def stage(self) -> str:
        """Where the household is on its way to approval, or after it."""
        if self.status == HouseholdStatus.CLOSED:
            return f"Enquiry closed: {self.get_closure_reason_display().lower()}"
        if self.status != HouseholdStatus.IN_ASSESSMENT:
            return self.get_status_display()
        if self.panel_date:
            return "Panel held"
        return "Being assessed" if self.assessment_started_on else "Enquiry"


class FosteringReview(Recorded):
    """The annual review of a foster household's approval (Fostering Services
    Regulations 2011, regulation 28), and whether the approval continues."""

    household = models.ForeignKey(FosterHousehold, on_delete=models.PROTECT, related_name="reviews")
    review_date = models.DateField()
    approval_continued = models.BooleanField(default=True)

    class Meta:
        ordering = ["household", "review_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["household", "review_date"],
                name="one_fostering_review_per_day",
                violation_error_message="This household already has a review on that day.",
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.household.reference} on {self.review_date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.household_id is None or self.review_date is None:
            return
        household = self.household
        approved = household.approval_date
        gone = household.deregistered_on
        if approved is None or self.review_date < approved or (gone and self.review_date > gone):
            raise ValidationError(
                {"review_date": "A household is reviewed only while it is approved."}
            )


class PrivateFosteringArrangement(Recorded):
    """A child under 16 (18 if disabled) cared for for 28 days or more by someone who is
    not a close relative, by private arrangement between parent and carer.

    The authority must be notified, visit within 7 working days of notification and then
    regularly (Children (Private Arrangements for Fostering) Regulations 2005). The CIN
    census records such children with assessment factor 8A.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="private_fostering_arrangements"
    )
    carer_name = models.CharField("Private foster carer", max_length=200)
    notified_on = models.DateField()
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    first_visit_due_date = models.DateField(null=True, blank=True)
    first_visit_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["child", "-start_date"]
        indexes = [models.Index(fields=["child", "start_date"], name="private_fostering_child")]
        constraints = [
            dates_in_order("start_date", "end_date", "private_fostering_dates_in_order"),
            dates_in_order(
                "notified_on",
                "first_visit_on",
                "private_fostering_visit_after_notice",
                "The first visit cannot be before the authority was notified.",
            ),
            dates_in_order(
                "notified_on",
                "first_visit_due_date",
                "private_fostering_due_after_notice",
                "The first visit cannot be due before the authority was notified.",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(end_date__isnull=True),
                name="one_open_private_fostering_per_child",
                violation_error_message="This child already has a current private fostering "
                "arrangement.",
            ),
        ]

    def __str__(self) -> str:
        return f"Privately fostered by {self.carer_name} from {self.start_date:%d/%m/%Y}"

    def clean(self) -> None:
        if self.child_id is None or self.start_date is None:
            return
        rows = PrivateFosteringArrangement.objects.filter(child_id=self.child_id)
        if overlapping_rows(
            rows, start=self.start_date, end=self.end_date, exclude_pk=self.pk
        ).exists():
            raise ValidationError(
                "This overlaps another private fostering arrangement of the same child."
            )


class LimitExemption(Recorded):
    """An exemption from the usual fostering limit granted by the local authority in
    whose area the foster carer lives (Children Act 1989, Schedule 7, paragraph 4).

    A person may not usually foster more than three children (paragraph 2) unless they
    are all brothers and sisters (paragraph 3). The exemption names the children the
    household may foster, who granted it and when, until when it lasts, and any
    conditions it is subject to (paragraph 4(3)).
    """

    household = models.ForeignKey(
        FosterHousehold, on_delete=models.PROTECT, related_name="limit_exemptions"
    )
    granted_by = models.CharField("Who granted it (name and role)", max_length=200)
    granted_on = models.DateField("Date granted")
    until = models.DateField("Exemption lasts until")
    children = models.ManyToManyField("people.Person", related_name="fostering_limit_exemptions")
    conditions = models.TextField(blank=True)

    class Meta:
        ordering = ["household", "-granted_on"]
        constraints = [
            dates_in_order(
                "granted_on",
                "until",
                "limit_exemption_dates_in_order",
                "An exemption cannot end before it was granted.",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Exemption for {self.household.reference} from {self.granted_on:%d/%m/%Y} "
            f"to {self.until:%d/%m/%Y}"
        )
