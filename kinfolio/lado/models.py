"""Allegations against people who work with children, managed by the Local Authority
Designated Officer (LADO)."""

from django.db import models
from django.db.models import F, Q

from kinfolio import codesets
from kinfolio.core.models import Recorded, dates_in_order


class HarmTest(models.TextChoices):
    """Why the allegation meets the LADO threshold (Working Together 2023, chapter 2):
    the adult has, or may have... (Kinfolio's own list)."""

    HARMED = "harmed", "Behaved in a way that has harmed, or may have harmed, a child"
    OFFENCE = "offence", "Possibly committed a criminal offence against or related to a child"
    RISK = "risk", "Behaved towards a child in a way that indicates they may pose a risk"
    SUITABILITY = (
        "suitability",
        (
            "Behaved in a way that indicates they may not be suitable to work with children "
            "(transferable risk)"
        ),
    )


class Sector(models.TextChoices):
    """Where the person the allegation is about works with children (Kinfolio's own list)."""

    EDUCATION = "education", "Education (schools and colleges)"
    EARLY_YEARS = "early_years", "Early years and childcare"
    FOSTER_CARE = "foster_care", "Foster care"
    RESIDENTIAL = "residential", "Residential care"
    SOCIAL_CARE = "social_care", "Social care"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    FAITH = "faith", "Faith groups"
    SPORT = "sport", "Sport and leisure"
    VOLUNTARY = "voluntary", "Voluntary and community sector"
    TRANSPORT = "transport", "Transport"
    OTHER = "other", "Other"


class Allegation(Recorded):
    """An allegation that someone who works with children (paid or voluntary, including
    foster carers) has harmed a child or may pose a risk to children.

    The LADO receives it, decides with partners at a strategy meeting what to do (seed
    002 criticised meetings not held after allegations against carers: when one is not
    held, the reason must be recorded), and closes it with an outcome. The person is
    usually not a child's family member, so they are named here; ``subject`` links them
    to a person record when one exists.
    """

    received_on = models.DateField()
    subject_name = models.CharField("Name of the person the allegation is about", max_length=200)
    subject_role = models.CharField("Their role", max_length=200)
    subject_employer = models.CharField("Their employer or organisation", max_length=200)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    subject = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allegations_about",
    )
    foster_household = models.ForeignKey(
        "fostering.FosterHousehold",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allegations",
    )
    child = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lado_allegations",
    )
    category = models.CharField(
        "Category of abuse",
        max_length=codesets.CP_CATEGORY_OF_ABUSE.max_length,
        choices=codesets.CP_CATEGORY_OF_ABUSE.choices,
    )
    harm_test = models.CharField(max_length=20, choices=HarmTest.choices)
    designated_officer = models.ForeignKey(
        "workforce.Worker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lado_allegations",
    )
    strategy_meeting_held = models.BooleanField(
        null=True, blank=True, help_text="Left blank until the decision is made"
    )
    strategy_meeting_date = models.DateField(null=True, blank=True)
    strategy_meeting_not_held_reason = models.TextField(blank=True)
    outcome = models.CharField(
        max_length=codesets.LADO_OUTCOME.max_length,
        choices=codesets.LADO_OUTCOME.choices,
        blank=True,
    )
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-received_on"]
        indexes = [
            models.Index(fields=["child", "received_on"], name="allegation_child_received"),
            models.Index(fields=["received_on"], name="allegation_received"),
        ]
        constraints = [
            dates_in_order(
                "received_on",
                "strategy_meeting_date",
                "allegation_meeting_after_receipt",
                "The strategy meeting cannot be before the allegation was received.",
            ),
            dates_in_order(
                "received_on",
                "closed_on",
                "allegation_closed_after_receipt",
                "The allegation cannot be closed before it was received.",
            ),
            dates_in_order(
                "strategy_meeting_date",
                "closed_on",
                "allegation_closed_after_meeting",
                "The allegation cannot be closed before the strategy meeting.",
            ),
            models.CheckConstraint(
                # The isnull guards keep a blank decision from making the test unknown
                # (NULL), which a CHECK constraint would let through.
                condition=Q(
                    strategy_meeting_held__isnull=False,
                    strategy_meeting_held=True,
                    strategy_meeting_date__isnull=False,
                    strategy_meeting_not_held_reason="",
                )
                | (
                    Q(
                        strategy_meeting_held__isnull=False,
                        strategy_meeting_held=False,
                        strategy_meeting_date__isnull=True,
                    )
                    & ~Q(strategy_meeting_not_held_reason="")
                )
                | Q(
                    strategy_meeting_held__isnull=True,
                    strategy_meeting_date__isnull=True,
                    strategy_meeting_not_held_reason="",
                ),
                name="allegation_strategy_meeting_date_or_reason",
                violation_error_message="Give the date of the strategy meeting, or the reason "
                "one was not held.",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True, outcome="")
                | (
                    Q(closed_on__isnull=False, strategy_meeting_held__isnull=False) & ~Q(outcome="")
                ),
                name="allegation_closed_with_outcome",
                violation_error_message="An allegation is closed with an outcome, once the "
                "strategy meeting decision is recorded.",
            ),
            models.CheckConstraint(
                condition=Q(subject__isnull=True) | Q(child__isnull=True) | ~Q(subject=F("child")),
                name="allegation_not_about_the_child",
                violation_error_message="The person the allegation is about cannot be the child.",
            ),
        ]

    def __str__(self) -> str:
        return f"Allegation about {self.subject_name} received {self.received_on:%d/%m/%Y}"
