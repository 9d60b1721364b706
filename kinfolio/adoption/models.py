"""Adoption: adopters, each child's journey to adoption, and earlier permanence orders."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import Recorded, Versioned, dates_in_order

SINGLE_ADOPTER_SEX = ("M1", "F1")  # ADOPTER_SEX
SINGLE_ADOPTER_LEGAL_STATUS = "L0"  # ADOPTER_LEGAL_STATUS
MALE_AND_FEMALE = "MF"  # ADOPTER_SEX, required with legal status L3 (SSDA903 rule 517)
NO_PREVIOUS_PERMANENCE = "Z1"  # PREVIOUS_PERMANENCE
assert all(code in codesets.ADOPTER_SEX for code in (*SINGLE_ADOPTER_SEX, MALE_AND_FEMALE))
assert SINGLE_ADOPTER_LEGAL_STATUS in codesets.ADOPTER_LEGAL_STATUS
assert NO_PREVIOUS_PERMANENCE in codesets.PREVIOUS_PERMANENCE


# The adopters' way through the process, in the order Ofsted's Annex A list 11 records
# it: each step's date field and how the page names it.
ADOPTER_STEPS = (
    ("enquiry_date", "Enquiry received"),
    ("stage_1_started", "Stage 1 started"),
    ("stage_1_ended", "Stage 1 ended"),
    ("stage_2_started", "Stage 2 started"),
    ("stage_2_ended", "Stage 2 ended"),
    ("application_date", "Application submitted"),
    ("approval_date", "Application approved"),
)


class AdopterHousehold(Versioned, Recorded):
    """One adopter or a couple, approved by the adoption agency's decision maker to adopt.

    Sex and legal status are as the SSDA903 ``AD1`` table asks for them at the date of
    adoption (``NB_ADOPTR``, ``SEX_ADOPTR``, ``LS_ADOPTR``).
    """

    reference = models.CharField(max_length=20, unique=True)
    adopters = models.CharField("Adopters' names", max_length=200)
    in_house = models.BooleanField(
        default=True, help_text="Approved by the authority or its regional adoption agency"
    )
    approval_date = models.DateField(null=True, blank=True)
    deregistered_on = models.DateField(null=True, blank=True)
    number_of_adopters = models.PositiveSmallIntegerField("Number of adopters (NB_ADOPTR)")
    sex_of_adopters = models.CharField(
        "Sex of adopters (SEX_ADOPTR)",
        max_length=codesets.ADOPTER_SEX.max_length,
        choices=codesets.ADOPTER_SEX.choices,
    )
    legal_status = models.CharField(
        "Legal status of adopters (LS_ADOPTR)",
        max_length=codesets.ADOPTER_LEGAL_STATUS.max_length,
        choices=codesets.ADOPTER_LEGAL_STATUS.choices,
    )
    postcode = models.CharField(max_length=8, blank=True)
    enquiry_date = models.DateField("Date enquiry received", null=True, blank=True)
    stage_1_started = models.DateField("Date stage 1 started", null=True, blank=True)
    stage_1_ended = models.DateField("Date stage 1 ended", null=True, blank=True)
    stage_2_started = models.DateField("Date stage 2 started", null=True, blank=True)
    stage_2_ended = models.DateField("Date stage 2 ended", null=True, blank=True)
    application_date = models.DateField("Date application submitted", null=True, blank=True)
    fostering_for_adoption = models.BooleanField(
        "Fostering for adoption (early permanence)", null=True, blank=True
    )
    leaving_reason = models.CharField(
        "Reason for leaving the adoption process",
        max_length=codesets.ADOPTER_LEAVING_REASON.max_length,
        choices=codesets.ADOPTER_LEAVING_REASON.choices,
        blank=True,
    )

    class Meta:
        ordering = ["reference"]
        constraints = [
            dates_in_order(
                "approval_date",
                "deregistered_on",
                "adopter_household_dates_in_order",
                "Adopters cannot be deregistered before they were approved.",
            ),
            *(
                dates_in_order(
                    earlier,
                    later,
                    f"adopters_{later}_in_order",
                    f"{later_label} cannot be before {earlier_label.lower()}.",
                )
                for (earlier, earlier_label), (later, later_label) in zip(
                    ADOPTER_STEPS, ADOPTER_STEPS[1:], strict=False
                )
            ),
            models.CheckConstraint(
                condition=Q(deregistered_on__isnull=True, leaving_reason="")
                | Q(deregistered_on__isnull=False),
                name="adopters_leaving_reason_with_date",
                violation_error_message="A reason for leaving goes with the date they left.",
            ),
            models.CheckConstraint(
                condition=Q(
                    number_of_adopters=1,
                    sex_of_adopters__in=SINGLE_ADOPTER_SEX,
                    legal_status=SINGLE_ADOPTER_LEGAL_STATUS,
                )
                | (
                    Q(number_of_adopters=2)
                    & ~Q(sex_of_adopters__in=SINGLE_ADOPTER_SEX)
                    & ~Q(legal_status=SINGLE_ADOPTER_LEGAL_STATUS)
                ),
                name="adopters_number_sex_and_status_agree",
                violation_error_message="A single adopter is M1 or F1 with legal status L0; "
                "a couple is MM, FF or MF with a couple's legal status.",
            ),
            models.CheckConstraint(
                condition=~Q(legal_status="L3") | Q(sex_of_adopters=MALE_AND_FEMALE),
                name="adopters_l3_is_male_and_female",
                violation_error_message="Legal status L3 is for a male and female couple.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.adopters})"


class AdoptionPlan(Versioned, Recorded):
    """A looked after child's journey to adoption, one row per decision that they should
    be placed for adoption.

    The agency decision maker (ADM) decides the child should be placed for adoption; the
    court makes a placement order (unless the parents consent); the child is matched
    with approved adopters, placed with them, and the court makes the adoption order.
    If the plan changes, the decision is reversed with a reason. Fields follow the
    SSDA903 ``AD1`` and ``PlacedAdoption`` tables (``DATE_INT``, ``DATE_MATCH``,
    ``FOSTER_CARE``, ``DATE_PLACED``, ``DATE_PLACED_CEASED``, ``REASON_PLACED_CEASED``)
    and the SSD ``ssd_permanence`` table, whose order they keep: the adoption
    scorecard's A1 and A2 measure the time between them.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="adoption_plans"
    )
    adm_decision_date = models.DateField(
        "Date of the decision that the child should be placed for adoption (DATE_INT)"
    )
    placement_order_date = models.DateField(null=True, blank=True)
    matched_date = models.DateField(
        "Date matched with adopters (DATE_MATCH)", null=True, blank=True
    )
    placed_date = models.DateField("Date placed for adoption", null=True, blank=True)
    adoption_order_date = models.DateField(null=True, blank=True)
    decision_reversed_date = models.DateField(
        "Date the child should no longer be placed for adoption (DATE_PLACED_CEASED)",
        null=True,
        blank=True,
    )
    reason_placed_ceased = models.CharField(
        "Reason (REASON_PLACED_CEASED)",
        max_length=codesets.REASON_PLACED_CEASED.max_length,
        choices=codesets.REASON_PLACED_CEASED.choices,
        blank=True,
    )
    adopters = models.ForeignKey(
        AdopterHousehold,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adoption_plans",
    )
    adopted_by_foster_carer = models.BooleanField(
        "Adopted by their foster carer (FOSTER_CARE)", null=True, blank=True
    )

    class Meta:
        ordering = ["child", "-adm_decision_date"]
        indexes = [models.Index(fields=["child", "adm_decision_date"], name="adoption_child_adm")]
        constraints = [
            dates_in_order(
                "adm_decision_date",
                "placement_order_date",
                "placement_order_after_adm_decision",
                "The placement order cannot be before the decision to place for adoption.",
            ),
            dates_in_order(
                "adm_decision_date",
                "matched_date",
                "matched_after_adm_decision",
                "The match cannot be before the decision to place for adoption.",
            ),
            dates_in_order(
                "placement_order_date",
                "placed_date",
                "placed_after_placement_order",
                "The child cannot be placed for adoption before the placement order.",
            ),
            dates_in_order(
                "matched_date",
                "placed_date",
                "placed_after_matched",
                "The child cannot be placed for adoption before the match.",
            ),
            dates_in_order(
                "placed_date",
                "adoption_order_date",
                "adoption_order_after_placed",
                "The adoption order cannot be before the child was placed for adoption.",
            ),
            dates_in_order(
                "adm_decision_date",
                "decision_reversed_date",
                "adoption_reversed_after_adm_decision",
                "The decision cannot be reversed before it was made.",
            ),
            models.CheckConstraint(
                condition=Q(placed_date__isnull=True) | Q(matched_date__isnull=False),
                name="adoption_placed_needs_match",
                violation_error_message="A child is matched with adopters before being placed.",
            ),
            models.CheckConstraint(
                condition=Q(adoption_order_date__isnull=True) | Q(placed_date__isnull=False),
                name="adoption_order_needs_placement",
                violation_error_message="A child is placed for adoption before the adoption order.",
            ),
            models.CheckConstraint(
                condition=Q(matched_date__isnull=True) | Q(adopters__isnull=False),
                name="adoption_match_names_adopters",
                violation_error_message="Name the adopters the child was matched with.",
            ),
            models.CheckConstraint(
                condition=Q(decision_reversed_date__isnull=True, reason_placed_ceased="")
                | (Q(decision_reversed_date__isnull=False) & ~Q(reason_placed_ceased="")),
                name="adoption_reversal_has_reason",
                violation_error_message="Give the reason the child should no longer be placed "
                "for adoption, and only with the date of that decision.",
            ),
            models.CheckConstraint(
                condition=Q(decision_reversed_date__isnull=True)
                | Q(adoption_order_date__isnull=True),
                name="adoption_not_both_reversed_and_made",
                violation_error_message="An adoption order cannot be made after the decision "
                "to place for adoption was reversed.",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=Q(decision_reversed_date__isnull=True, adoption_order_date__isnull=True),
                name="one_live_adoption_plan_per_child",
                violation_error_message="This child already has an adoption plan in progress.",
            ),
        ]

    def __str__(self) -> str:
        return f"Should be placed for adoption from {self.adm_decision_date:%d/%m/%Y}"

    def clean(self) -> None:
        from kinfolio.children_in_care.models.base import clean_while_looked_after

        clean_while_looked_after(
            child_id=self.child_id,
            day=self.adm_decision_date,
            field="adm_decision_date",
            what="decision to place for adoption",
        )
        if self.adopters_id and self.matched_date:
            approved = self.adopters.approval_date
            if approved is None or approved > self.matched_date:
                raise ValidationError(
                    {"adopters": "The adopters must be approved by the date of the match."}
                )


class PreviousPermanence(Recorded):
    """A permanence order the child had before this period of care: an adoption, special
    guardianship or child arrangements order, which a returning child's record must show
    (SSDA903 ``PrevPerm``: ``PREV_PERM``, ``DATE_PERM``, ``LA_PERM``; SSD
    ``ssd_cla_previous_permanence``). "Z1" records that there was none."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="previous_permanence"
    )
    permanence_option = models.CharField(
        "Previous permanence option (PREV_PERM)",
        max_length=codesets.PREVIOUS_PERMANENCE.max_length,
        choices=codesets.PREVIOUS_PERMANENCE.choices,
    )
    order_date = models.DateField("Date of the order (DATE_PERM)", null=True, blank=True)
    local_authority = models.CharField(
        "Local authority that made the arrangements (LA_PERM)",
        max_length=100,
        choices=codesets.LOCAL_AUTHORITY.choices,
        blank=True,
        help_text="Stored as the DfE's LA number (or WAL, SCO, NIR, NUK), as the return asks.",
    )

    class Meta:
        verbose_name_plural = "previous permanence"
        ordering = ["child", "order_date"]
        indexes = [models.Index(fields=["child", "order_date"], name="prev_perm_child_date")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(permanence_option=NO_PREVIOUS_PERMANENCE)
                | Q(order_date__isnull=True, local_authority=""),
                name="no_previous_permanence_has_no_details",
                violation_error_message="When there was no previous permanence option, leave "
                "the date and local authority blank.",
            ),
        ]

    def __str__(self) -> str:
        return self.get_permanence_option_display()

    def clean(self) -> None:
        if self.child_id is None or self.order_date is None:
            return
        born = self.child.date_of_birth
        if born is None or self.order_date < born:
            raise ValidationError(
                {"order_date": "The order cannot be dated before the child was born."}
            )
