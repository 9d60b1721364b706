"""Outcomes of looked after children that the SSDA903 OC2 table reports besides health
assessments, teeth, immunisations and SDQs: under-fives' development checks, convictions
and substance misuse (``HEALTH_CHECK``, ``CONVICTED``, ``SUBSTANCE_MISUSE``,
``INTERVENTION_RECEIVED``, ``INTERVENTION_OFFERED``)."""

from django.db import models
from django.db.models import Q

from kinfolio.core.models import Recorded


class DevelopmentCheck(Recorded):
    """An under-five's health surveillance or development check (OC2 ``HEALTH_CHECK``)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="development_checks"
    )
    check_date = models.DateField()

    class Meta:
        ordering = ["child", "check_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "check_date"],
                name="one_development_check_per_child_per_day",
                violation_error_message="This child already has a development check on that day.",
            ),
        ]

    def __str__(self) -> str:
        return f"Development check {self.check_date:%d/%m/%Y}"


class Conviction(Recorded):
    """A child convicted of an offence (OC2 ``CONVICTED``: convicted during the year)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="convictions")
    convicted_on = models.DateField()

    class Meta:
        ordering = ["child", "convicted_on"]

    def __str__(self) -> str:
        return f"Convicted {self.convicted_on:%d/%m/%Y}"


class SubstanceMisuse(Recorded):
    """A substance misuse problem identified, and whether an intervention was received
    or, when not, offered (OC2 ``SUBSTANCE_MISUSE`` and the two intervention items)."""

    child = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="substance_misuse"
    )
    identified_on = models.DateField()
    intervention_received = models.BooleanField()
    intervention_offered = models.BooleanField(
        null=True, blank=True, help_text="Asked only when no intervention was received."
    )

    class Meta:
        verbose_name_plural = "substance misuse problems"
        ordering = ["child", "identified_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(intervention_received=True, intervention_offered__isnull=True)
                | Q(intervention_received=False, intervention_offered__isnull=False),
                name="substance_misuse_offered_only_when_not_received",
                violation_error_message="Say whether an intervention was offered only when "
                "none was received.",
            ),
        ]

    def __str__(self) -> str:
        return f"Substance misuse identified {self.identified_on:%d/%m/%Y}"
