"""The local calendar data that statutory timescales are counted over, the timescale
rules themselves (as dated data), and the in-app notifications of deadlines."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from kinfolio.core.models import Recorded, dates_in_order
from kinfolio.timescales.events import EVENTS, Unit, event_label

UNIT_LABELS = dict(Unit.choices)


class ClosureDay(Recorded):
    """A day the council is closed though it is not a bank holiday (e.g. between
    Christmas and New Year), so it does not count as a working day.

    After adding, changing or removing one, call
    ``kinfolio.timescales.calendar.clear_default_calendar()``: due dates already stored
    are not recalculated.
    """

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200, help_text="For example, council Christmas closure")

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}: {self.reason}"


class SchoolTerm(Recorded):
    """A school term (or half-term) in the council's published term dates.

    Personal education plan timescales are counted in school days, which fall only
    inside these terms. Record each half-term separately so that the break between
    them is not counted. ``term`` says which of the school year's three terms a row
    belongs to (both half-terms of the autumn are ``autumn``): a personal education
    plan is reviewed once a term.
    """

    class Term(models.TextChoices):
        AUTUMN = "autumn", "Autumn term"
        SPRING = "spring", "Spring term"
        SUMMER = "summer", "Summer term"

    academic_year = models.CharField(
        max_length=7,
        validators=[RegexValidator(r"^\d{4}/\d{2}$", "Enter the academic year like 2024/25")],
        help_text="For example, 2024/25",
    )
    term = models.CharField(max_length=6, choices=Term.choices)
    name = models.CharField(max_length=50, help_text="For example, Autumn 1")
    start_date = models.DateField()
    end_date = models.DateField()

    class Meta:
        ordering = ["start_date"]
        constraints = [
            dates_in_order("start_date", "end_date", "school_term_dates_in_order"),
            models.UniqueConstraint(
                fields=["academic_year", "name"],
                name="one_school_term_per_year_and_name",
                violation_error_message="That academic year already has a term with this name.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.academic_year} {self.name}"


def validate_event(value: str) -> None:
    if value not in EVENTS:
        raise ValidationError(f"{value} is not an event Kinfolio knows.")


class TimescaleRule(Recorded):
    """One version of a timescale: "an assessment is authorised within 45 working days of
    the referral (Working Together 2023)".

    Rules are never edited: a change is a new row with the same ``key`` and a later
    ``effective_from``. A clock follows the version in force on the day it started (the
    latest ``effective_from`` on or before that day), so a change reaches clocks started
    on or after its date and never rewrites history. ``before`` counts the interval back
    from the start event (an invitation due 5 working days before a conference).
    ``reporting_only`` rules (a local KPI beside a statutory rule on the same events) are
    counted in timeliness reports but not shown as deadlines to workers.
    """

    key = models.SlugField(max_length=60, help_text="Stable name of the timescale")
    name = models.CharField(max_length=200)
    start_event = models.CharField(max_length=40, validators=[validate_event])
    stop_event = models.CharField(max_length=40, validators=[validate_event])
    interval = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    unit = models.CharField(max_length=20, choices=Unit.choices)
    before = models.BooleanField("counted back from the start event", default=False)
    source = models.CharField(
        max_length=200, help_text="For example, Working Together 2023, or local"
    )
    notes = models.TextField(blank=True)
    effective_from = models.DateField(
        help_text="Clocks started on or after this date follow this version"
    )
    reporting_only = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["key", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "effective_from"],
                name="one_timescale_version_per_day",
                violation_error_message="This timescale already has a version from that date.",
            ),
            models.CheckConstraint(
                condition=Q(interval__gte=1),
                name="timescale_interval_positive",
                violation_error_message="The interval must be at least 1.",
            ),
            models.CheckConstraint(
                condition=Q(before=False) | ~Q(unit=Unit.SCHOOL_DAYS),
                name="timescale_school_days_count_forwards",
                violation_error_message="School days can only be counted forwards.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.describe()} (from {self.effective_from:%-d %b %Y})"

    @property
    def start_label(self) -> str:
        return event_label(self.start_event)

    @property
    def stop_label(self) -> str:
        return event_label(self.stop_event)

    def describe(self) -> str:
        """The interval in words: "45 working days", "1 week", "5 working days before"."""
        # As get_unit_display(), without rebuilding the choices on each call: a page of
        # deadlines describes every row's rule.
        unit = UNIT_LABELS.get(self.unit, self.unit)
        if self.interval == 1:
            unit = unit.removesuffix("s")
        return f"{self.interval} {unit}" + (" before" if self.before else "")


class StoredClock(models.Model):
    """A clock as the engine computed it, kept so that pages read deadlines with an
    indexed query instead of recomputing every clock of every child on each request.

    Written only by ``timescales.services.refresh_clocks`` (through the one engine).
    The due date is fixed when the clock is first stored: a closure day added later does
    not move it; a new version of its rule, which makes it a different clock, does.

    ``holder_worker`` and ``holder_team`` say who holds the deadline now
    (``engine.held``): the child's current allocation in the clock's role, else as
    social worker, else the worker and team named on the record; a worker past their
    leaving date holds nothing (the team does, until it allocates another worker). Every
    allocation change refreshes the child's clocks when it commits (through
    ``audit.services.record_event``), a leaving date those of the worker's children,
    and the daily ``refresh_clocks`` catches a leaving date that has passed; so a team's
    or a worker's deadlines are one indexed range, counted by the database.
    """

    child = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="stored_clocks"
    )
    rule = models.ForeignKey(TimescaleRule, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=100)
    started_on = models.DateField()
    due_on = models.DateField(null=True, blank=True)
    stopped_on = models.DateField(null=True, blank=True)
    role = models.CharField(max_length=30)
    holder_worker = models.ForeignKey(
        "workforce.Worker", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    holder_team = models.ForeignKey(
        "workforce.Team", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    problem = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [
            # Deadlines still running, by child (caseload, team) and across the authority.
            models.Index(
                fields=["child", "due_on"],
                condition=Q(stopped_on__isnull=True),
                name="open_clocks_by_child",
            ),
            models.Index(
                fields=["due_on"], condition=Q(stopped_on__isnull=True), name="open_clocks_by_due"
            ),
            # A team's deadlines (team deadlines, the manager's home), a worker's (mine).
            # What says whether a deadline is shown, and whose it is, is in the team's
            # index too: teams compared counts every team's overdue from the index alone
            # (~1 ms; reading the ~3,400 pages of the clocks behind it took 5-25 ms).
            models.Index(
                fields=["holder_team", "due_on"],
                include=["rule", "started_on", "child"],
                condition=Q(stopped_on__isnull=True),
                name="open_clocks_by_team",
            ),
            models.Index(
                fields=["holder_worker", "due_on"],
                condition=Q(stopped_on__isnull=True),
                name="open_clocks_by_worker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule.key} for child {self.child_id} from {self.started_on}"
