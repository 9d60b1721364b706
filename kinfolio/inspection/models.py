"""Inspections of the council's children's services, their published judgements, and
the action plans the council keeps against the recommendations.

Grades are kept as published, on the scale of their framework. Scales differ in
direction (the 2006 joint area review gave 4 for outstanding, the 2012 inspection 1),
so each scale says which end is best and a grade knows its place on one axis.
"""

from fractions import Fraction

from django.conf import settings
from django.db import models


class GradeScale(models.Model):
    """An inspectorate's grading scale, with the dates it was in use and its direction."""

    key = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    framework = models.CharField(max_length=300)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    highest_is_best = models.BooleanField(
        help_text="True when the highest number is the best grade (2006: 4 is outstanding)"
    )
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="inspection_scale_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Grade(models.Model):
    """One point on a scale: its number and words as the framework publishes them."""

    scale = models.ForeignKey(GradeScale, on_delete=models.CASCADE, related_name="grades")
    value = models.PositiveSmallIntegerField()
    label = models.CharField(max_length=100)
    meaning = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["scale", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="inspection_grade_once")
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.value})"


class Inspection(models.Model):
    """An inspection, review, assessment or engagement meeting and its published outcome.

    Dates are kept only as far as the document gives them: the 2006 joint area review
    states only its year, so its day is left empty rather than guessed.
    """

    class Kind(models.TextChoices):
        JOINT_AREA_REVIEW = "jar", "Joint area review"
        ANNUAL_ASSESSMENT = "annual_assessment", "Annual children's services assessment"
        SAFEGUARDING_LAC = (
            "safeguarding_lac",
            "Inspection of safeguarding and looked after children services",
        )
        ANNUAL_ENGAGEMENT = "annual_engagement", "Annual engagement meeting"
        ILACS_STANDARD = "ilacs_standard", "ILACS standard inspection"
        ILACS_SHORT = "ilacs_short", "ILACS short inspection"
        FOCUSED_VISIT = "focused_visit", "Focused visit"
        JTAI = "jtai", "Joint targeted area inspection"

    kind = models.CharField(max_length=32, choices=Kind.choices)
    title = models.CharField(max_length=300)
    framework = models.CharField(max_length=300)
    inspectorate = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField()
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    scale = models.ForeignKey(
        GradeScale, on_delete=models.PROTECT, null=True, blank=True, related_name="inspections"
    )
    citation = models.CharField(max_length=300, help_text="How pages cite it, e.g. Ofsted, 2012")
    summary = models.TextField(blank=True, help_text="A headline sentence, quoted")

    class Meta:
        ordering = ["year", "started_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.year}"

    @property
    def reference_date(self):
        """The date timescales run from: the last day of the inspection, else publication."""
        return self.ended_on or self.published_on or self.started_on


class Judgement(models.Model):
    """One published judgement: the area, the grade, its words as printed and where."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    section = models.CharField(max_length=200, blank=True)
    area = models.CharField(max_length=300)
    grade = models.ForeignKey(Grade, on_delete=models.PROTECT, related_name="judgements")
    as_published = models.CharField(max_length=200, help_text="The grade's words as printed")
    source = models.CharField(max_length=200, help_text="Paragraph or section it comes from")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["inspection", "order"]

    def __str__(self) -> str:
        return f"{self.area}: {self.as_published}"

    @property
    def level(self) -> Fraction:
        return normalised_level(self.grade)


def normalised_level(grade: Grade) -> Fraction:
    """The grade's place from worst (0) to best (1) on its own scale."""
    values = [g.value for g in grade.scale.grades.all()]
    low, high = min(values), max(values)
    steps = grade.value - low if grade.scale.highest_is_best else high - grade.value
    return Fraction(steps, high - low)


class Timescale(models.TextChoices):
    """The timescales inspectors attach to what they ask for."""

    IMMEDIATELY = "immediately", "Immediately"
    THREE_MONTHS = "three_months", "Within three months"
    SIX_MONTHS = "six_months", "Within six months"
    LONGER_TERM = "longer_term", "In the longer term"
    NONE = "none", "No timescale given"


class Recommendation(models.Model):
    """What an inspection asked the council and its partners to do, as printed."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", "Recommendation"
        AREA_FOR_IMPROVEMENT = "area_for_improvement", "Area for improvement"
        AREA_FOR_DEVELOPMENT = "area_for_development", "Key area for further development"

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    section = models.CharField(max_length=200, blank=True)
    timescale = models.CharField(max_length=16, choices=Timescale.choices)
    timescale_as_published = models.CharField(max_length=100, blank=True)
    text = models.TextField()
    source = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inspection_recommendations",
    )

    class Meta:
        ordering = ["inspection", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class Action(models.Model):
    """A step the council takes towards a recommendation, with an owner and a due date."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="actions"
    )
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inspection_actions"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="complete", completed_on__isnull=False)
                | (~models.Q(status="complete") & models.Q(completed_on__isnull=True)),
                name="inspection_action_completed_on_iff_complete",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]


class ProgressUpdate(models.Model):
    """A dated note of progress on an action, and the status it left the action in."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    note = models.TextField()
    status = models.CharField(max_length=16, choices=Action.Status.choices)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return self.note[:80]


class EvidenceLink(models.Model):
    """Evidence that an action made a difference: an indicator, an audit or a document."""

    class Kind(models.TextChoices):
        INDICATOR = "indicator", "Indicator"
        AUDIT = "audit", "Case file audit"
        DOCUMENT = "document", "Document"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=300)
    reference = models.CharField(max_length=500, help_text="A link or a reference")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return self.title


class AnnexARun(models.Model):
    """One production of Annex A for a period, made by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Could not finish"

    start = models.DateField()
    end = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Lists written, of 11")
    stage = models.CharField(max_length=100, blank=True)
    message = models.TextField(blank=True)
    row_counts = models.JSONField(default=dict, blank=True)
    workbook = models.BinaryField(null=True, blank=True, editable=False)
    seconds = models.FloatField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = "Annex A run"

    def __str__(self) -> str:
        return f"Annex A, {self.start:%-d %b %Y} to {self.end:%-d %b %Y}"


from kinfolio.inspection.access import InspectorGrant  # noqa: E402, F401  (an inspection model)
