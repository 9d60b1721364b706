"""Targets for indicators, and plans: their key performance indicators (computed, or
collected with their source) and their numbered commitments, tracked with updates."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolio import codesets
from kinfolio.core.models import Recorded, Versioned
from kinfolio.performance.indicators.periods import Period


class Target(Recorded):
    """A target for a computed indicator in one financial year, with a tolerance: a
    figure missing the target by no more than the tolerance is amber, further is red."""

    indicator_id = models.CharField(max_length=60)
    year = models.PositiveSmallIntegerField(
        help_text="The financial year's first year: 2025 for 2025-26"
    )
    value = models.DecimalField(max_digits=9, decimal_places=2)
    tolerance = models.DecimalField(max_digits=9, decimal_places=2, default=0)
    source = models.CharField(max_length=200, blank=True, help_text="Who set it, and where")

    class Meta:
        ordering = ["indicator_id", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator_id", "year"], name="one_target_per_indicator_year"
            ),
            models.CheckConstraint(
                condition=Q(tolerance__gte=0), name="target_tolerance_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}: {self.value} (±{self.tolerance})"


class Plan(Recorded):
    """A council's plan for children and families: what it will do (commitments) and
    how it will measure how well it is doing (key performance indicators)."""

    name = models.CharField(max_length=200)
    first_year = models.PositiveSmallIntegerField(help_text="The first financial year it covers")
    source = models.CharField(max_length=300, help_text="The published plan, by name and year")

    class Meta:
        ordering = ["-first_year", "name"]

    def __str__(self) -> str:
        return self.name


class PlanIndicator(Recorded):
    """One of a plan's key performance indicators with its target. When Kinfolio computes
    it, ``indicator_id`` names the catalogue's indicator (``complement`` when the plan
    states the other side of it: "fewer than three placements" for "three or more");
    otherwise its values are collected, each with its source."""

    class Polarity(models.TextChoices):
        HIGH = "high", "Higher is better"
        LOW = "low", "Lower is better"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    number = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=40, help_text="%, days, rate per 100,000…")
    target = models.DecimalField(max_digits=9, decimal_places=2)
    tolerance = models.DecimalField(max_digits=9, decimal_places=2, default=0)
    polarity = models.CharField(max_length=8, choices=Polarity.choices)
    corporate_dashboard = models.BooleanField(default=False)
    indicator_id = models.CharField(max_length=60, blank=True)
    complement = models.BooleanField(default=False)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="one_plan_indicator_per_number"
            ),
            models.CheckConstraint(
                condition=Q(complement=False) | ~Q(indicator_id=""),
                name="complement_needs_indicator",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CollectedValue(Recorded):
    """A value of a plan's indicator that Kinfolio does not compute (school results,
    sickness days…), entered with where it came from."""

    indicator = models.ForeignKey(PlanIndicator, on_delete=models.CASCADE, related_name="collected")
    period = models.CharField(max_length=20, help_text="A period key: 2015-16, 2015-16-q1…")
    value = models.DecimalField(max_digits=9, decimal_places=2)
    source = models.CharField(max_length=300)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["indicator", "-period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="one_collected_value_per_period"
            ),
        ]


class CommitmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    DONE = "done", "Done"


# The GOV.UK tag colour each status is shown in.
STATUS_COLOURS = {
    CommitmentStatus.NOT_STARTED: "grey",
    CommitmentStatus.ON_TRACK: "green",
    CommitmentStatus.AT_RISK: "yellow",
    CommitmentStatus.OFF_TRACK: "red",
    CommitmentStatus.DONE: "blue",
}


class Commitment(Recorded):
    """A numbered commitment of a plan ("we will…"), under its heading, with an owner
    and a status that each progress update moves on."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="commitments")
    number = models.PositiveSmallIntegerField()
    heading = models.CharField(max_length=200)
    text = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
    )
    status = models.CharField(
        max_length=16, choices=CommitmentStatus.choices, default=CommitmentStatus.NOT_STARTED
    )

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_commitment_per_number"),
        ]

    def __str__(self) -> str:
        return f"{self.number:02d}. {self.text}"

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS[self.status]


class CommitmentUpdate(Recorded):
    """Progress on a commitment: what was done, the status it leaves, and the evidence."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=16, choices=CommitmentStatus.choices)
    note = models.TextField()
    evidence = models.TextField(
        blank=True, help_text="Where the evidence is: a report, a link, a date"
    )
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["commitment", "-created_at", "-pk"]


class Commentary(Recorded):
    """A manager's commentary on an indicator for a period: what lies behind the figure
    and what is being done. The monthly performance pack prints it beside the chart."""

    indicator_id = models.CharField(max_length=60)
    period = models.CharField(max_length=20, help_text="A period key: 2025-26, 2025-05-m…")
    text = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["indicator_id", "period", "-created_at"]
        verbose_name_plural = "commentaries"

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period}"

    @property
    def period_label(self) -> str:
        """The period in words ("February 2025"), as the page offers it."""
        return Period.parse(self.period).label


class CollectedFigure(Versioned, Recorded):
    """A value of one of the catalogue's collected indicators
    (``performance.indicators.collected``) for a period, with where it came from.
    ``entered_by`` is empty only for values the demo authority's generator loads."""

    indicator_id = models.CharField(max_length=60)
    period = models.CharField(max_length=20, help_text="A period key: 2024-25")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    source = models.CharField(max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )

    class Meta:
        ordering = ["indicator_id", "-period"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator_id", "period"], name="one_collected_figure_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period}"


class OpenChild(models.Model):
    """A child open to children's social care now, as the caseload summary counts them:
    the team responsible (that of their allocated social worker, else their personal
    adviser), each status open, and, when looked after, the current episode's legal
    status and placement type for the pseudonymised list.

    Derived, never entered: stored again for a child whenever their deadline clocks are
    (``timescales.services.refresh_clocks``: on commit of every service's change to the
    child's record, after an import, and by the daily job), by
    ``performance.services.open_children.store``. A child with nothing open has no row.
    """

    child = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    team = models.ForeignKey(
        "workforce.Team", on_delete=models.PROTECT, null=True, related_name="+"
    )
    child_in_need = models.BooleanField()
    child_protection = models.BooleanField()
    looked_after = models.BooleanField()
    care_leaver = models.BooleanField()
    date_of_birth = models.DateField(null=True)
    sex = models.CharField(max_length=codesets.SEX.max_length)
    legal_status = models.CharField(max_length=codesets.LEGAL_STATUS.max_length, blank=True)
    placement_type = models.CharField(max_length=codesets.PLACEMENT_TYPE.max_length, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["team"], condition=Q(looked_after=True), name="open_children_looked_after"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(child_in_need=True)
                | Q(child_protection=True)
                | Q(looked_after=True)
                | Q(care_leaver=True),
                name="open_child_has_a_status_open",
            )
        ]

    def __str__(self) -> str:
        return f"Child {self.child_id} open"
