"""Who provides children's placements: children's homes, agencies, supported lodgings."""

from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import Recorded, Versioned


class OfstedRating(models.TextChoices):
    """Ofsted's overall judgement of a children's home or agency at its latest inspection.

    Kinfolio's own list until the code sets hold one (the judgement names are Ofsted's).
    """

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement to be good"
    INADEQUATE = "inadequate", "Inadequate"
    NOT_YET_INSPECTED = "not_yet_inspected", "Not yet inspected"


class PlacementProvider(Versioned, Recorded):
    """A provider a child can be placed with, other than a foster household: a children's
    home (in-house or external), an independent fostering agency, supported
    accommodation, a secure unit, a parent and child unit; or the adoption agency whose
    adopters a child is placed with.

    The Ofsted URN is how an SSDA903 episode names a regulated placement (``URN``);
    capacity is the number of children it is registered for.
    """

    name = models.CharField(max_length=200)
    provider_type = models.CharField(
        max_length=codesets.PROVIDER_TYPE.max_length, choices=codesets.PROVIDER_TYPE.choices
    )
    in_house = models.BooleanField(
        default=False, help_text="Run by the authority itself (SSDA903 provider PR1)"
    )
    urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    ofsted_rating = models.CharField(max_length=30, choices=OfstedRating.choices, blank=True)
    ofsted_rating_date = models.DateField("Date of the Ofsted judgement", null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Number of children the provider is registered for"
    )
    needs_met = models.JSONField(
        "Children's needs the provider is registered or contracted to meet",
        default=list,
        blank=True,
        help_text="Codes from the placement needs list (kinfolio.codesets.PLACEMENT_NEED)",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["urn"],
                condition=~Q(urn=""),
                name="unique_placement_provider_urn",
                violation_error_message="Another placement provider has this Ofsted URN.",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="placement_provider_capacity_positive",
                violation_error_message="A provider's capacity is at least one child.",
            ),
            models.CheckConstraint(
                condition=Q(ofsted_rating_date__isnull=True) | ~Q(ofsted_rating=""),
                name="placement_provider_rating_date_needs_rating",
                violation_error_message="Give the Ofsted judgement for the date of the judgement.",
            ),
        ]

    def __str__(self) -> str:
        return self.name
